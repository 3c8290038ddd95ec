/**
 * Issue 9 defects 4 and 8 (desk side): the local-only endpoints answer only the host names the
 * server is configured for, `Origin: null` is a 403 (it was a 500), a foreign page cannot change an
 * agent's status even when it also fakes the Host header, and the desk never shows a name's bidi or
 * control characters, however the contact was created.
 */
import { describe, expect, it } from 'vitest';
import type { ContactRecord } from './contacts/contact-record';
import type { LocalContacts } from './contacts/local-contacts';
import { deskContact } from './desk/desk-view';
import { useLocalStack } from '../backend/testing/use-local-stack';
import { rawRequest } from '../backend/testing/raw-http';
import { openRawWebSocket } from '../backend/testing/raw-websocket';

const ALEX = '0336b503-1430-41e8-9e50-f660e2ad5be0';
const local = useLocalStack();

const setStatus = (host: string, origin: string, status = 'AVAILABLE') => {
  const body = JSON.stringify({ status });
  return rawRequest(
    local.port,
    `POST /local/desk/agents/${ALEX}/status HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${origin}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
  );
};
const agentStatus = async () =>
  (
    (await (await fetch(`${local.stack.baseUrl}/local/desk/agents`)).json()) as {
      agents: Array<{ id: string; status: string }>;
    }
  ).agents.find((a) => a.id === ALEX)?.status;

describe('local-only endpoints', () => {
  it('refuses a DNS-rebound page (Host and Origin both foreign) without changing the agent', async () => {
    const before = await agentStatus();
    const res = await setStatus(`evil.example:${local.port}`, `http://evil.example:${local.port}`);
    expect(res).toMatch(/^HTTP\/1.1 403/);
    expect(await agentStatus()).toBe(before);
  });

  it('answers Origin: null with a 403', async () => {
    expect(await setStatus(`localhost:${local.port}`, 'null')).toMatch(/^HTTP\/1.1 403/);
  });

  it('takes commands from its own page, at localhost or 127.0.0.1', async () => {
    expect(await setStatus(`localhost:${local.port}`, `http://localhost:${local.port}`)).toMatch(
      /^HTTP\/1.1 200/,
    );
    expect(
      await setStatus(`127.0.0.1:${local.port}`, `http://127.0.0.1:${local.port}`, 'OFFLINE'),
    ).toMatch(/^HTTP\/1.1 200/);
  });

  it('refuses WebSocket upgrades from a foreign Host or Origin: null', async () => {
    for (const headers of [{ host: `evil.example:${local.port}` }, { origin: 'null' }] as Array<
      Record<string, string>
    >) {
      for (const path of ['/control/x', '/aws/participant/websocket?token=x']) {
        const ws = await openRawWebSocket(local.port, path, {
          ...headers,
          'sec-websocket-protocol': '_aws_wt_session',
        });
        expect(ws.response, `${path} ${JSON.stringify(headers)}`).toMatch(/^HTTP\/1.1 403/);
      }
    }
  });
});

describe('names on the desk', () => {
  it('shows a name without its bidi overrides and control characters', () => {
    const record = {
      id: 'c1',
      state: 'CONNECTED',
      name: 'Eve\u202Egnp.exe\r\nAgent: verified',
      description: 'Call from \u2066Eve',
      attributes: {},
      references: {},
      transcript: [],
      allowedCapabilities: {},
      customer: {
        participantId: 'p1',
        role: 'CUSTOMER',
        displayName: 'Eve\u202Egnp.exe',
        attendee: { AttendeeId: 'a1', JoinToken: 't', ExternalUserId: 'customer-p1' },
      },
    } as unknown as ContactRecord;
    const shown = deskContact(record, { get: () => undefined } as unknown as LocalContacts, 20, []);
    expect(shown.customerName).toBe('Evegnp.exeAgent: verified');
    expect(shown.description).toBe('Call from Eve');
    expect(shown.participants.map((p) => p.name)).toEqual(['Evegnp.exe']);
  });
});
