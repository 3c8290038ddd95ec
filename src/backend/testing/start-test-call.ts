/**
 * Test kit: starts a call through `/api` on a running stack, as the widget does, and returns what
 * the browser would get (the signaling URL and join token, the participant WebSocket URL, the call
 * token).
 */
import { randomUUID } from 'node:crypto';
import { StartCallResponse } from '../../shared/call-api';

/**
 * POST /api/calls from the server's own origin; throws with the API's answer unless it is a 201.
 */
export async function startTestCall(
  baseUrl: string,
  displayName = 'Test Caller',
): Promise<StartCallResponse> {
  const res = await fetch(`${baseUrl}/api/calls`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(baseUrl).origin },
    body: JSON.stringify({ entryPoint: 'default', displayName, clientToken: randomUUID() }),
  });
  if (res.status !== 201)
    throw new Error(`POST /api/calls answered ${res.status}: ${await res.text()}`);
  return StartCallResponse.parse(await res.json());
}

/** The path (with query) of a ws:// or wss:// URL, for raw upgrades to the same server. */
export const pathOf = (url: string): string => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};
