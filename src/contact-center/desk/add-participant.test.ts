/**
 * The desk's Add participant on the real local stack: desk API → official Connect clients
 * (CreateParticipant, CreateParticipantConnection WEBRTC_CONNECTION) → emulator, answered with a
 * `/join/` link whose fragment carries the added person's attendee of the contact's meeting.
 */
import { describe, expect, it } from 'vitest';
import { AddParticipantResponse } from '../../shared/agent-desk-api';
import { StartCallResponse } from '../../shared/call-api';
import { decodeJoinPayload } from '../../join/join-payload';
import { useLocalStack } from '../../backend/testing/use-local-stack';

const local = useLocalStack();
const ALEX = '0336b503-1430-41e8-9e50-f660e2ad5be0';
const desk = () => `${local.stack.baseUrl}/local/desk/agents/${ALEX}`;
const post = (url: string, body?: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: {
      origin: local.stack.baseUrl,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

async function startCall(name: string) {
  const res = await post(`${local.stack.baseUrl}/api/calls`, {
    entryPoint: 'default',
    displayName: name,
    clientToken: crypto.randomUUID(),
  });
  expect(res.status).toBe(201);
  return StartCallResponse.parse(await res.json());
}

/** The agent goes Available and accepts the contact once it rings, as the desk's buttons do. */
async function answer(contactId: string) {
  await post(`${desk()}/status`, { status: 'AVAILABLE' });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const state = (await (await fetch(`${desk()}/state`)).json()) as {
      agent: { status: string };
      contact?: { id: string };
    };
    if (state.agent.status === 'RINGING' && state.contact?.id === contactId) break;
    if (Date.now() > deadline) throw new Error(`never rang: ${JSON.stringify(state)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  expect((await post(`${desk()}/contacts/${contactId}/accept`)).status).toBe(200);
}

const add = (contactId: string, body: unknown) =>
  post(`${desk()}/contacts/${contactId}/participants`, body);

describe('desk: add a participant', () => {
  it('gives a /join/ link with a new attendee of the call, refuses before the agent and past six', async () => {
    const call = await startCall('Multi Mia');
    const guest = { displayName: 'Sam Specialist', video: true, screenShare: false };
    const early = await add(call.contactId, guest);
    expect(early.status).toBe(409); // the agent does not hold the contact yet
    await answer(call.contactId);

    const res = await add(call.contactId, guest);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const added = AddParticipantResponse.parse(await res.json());
    expect(added.joinUrl.startsWith(`${local.stack.baseUrl}/join/#`)).toBe(true);
    const payload = decodeJoinPayload(new URL(added.joinUrl).hash);
    expect(payload).toMatchObject({
      contactId: call.contactId,
      displayName: 'Sam Specialist',
      joiningAs: 'participant',
      allowedCapabilities: { Customer: { Video: 'SEND' } },
    });
    expect(payload.connectionData.Meeting.MeetingId).toBe(call.connectionData.Meeting.MeetingId);
    expect(payload.connectionData.Attendee.AttendeeId).not.toBe(
      call.connectionData.Attendee.AttendeeId,
    );
    const contact = await (local.stack.provider.name === 'local'
      ? local.stack.provider.gateway.describeContact(
          local.stack.provider.defaultEntryPoints[0]!.instanceId,
          call.contactId,
        )
      : undefined);
    expect(contact?.AgentInfo?.Id).toBe(ALEX);

    const bad = await add(call.contactId, { displayName: '', video: true, screenShare: false });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { name: string } }).error.name).toBe(
      'InvalidRequestException',
    );
    // Customer, agent and Sam are three: three more fit, the seventh is refused with Connect's
    // error.
    for (const n of [4, 5, 6])
      expect((await add(call.contactId, { ...guest, displayName: `Guest ${n}` })).status).toBe(200);
    const seventh = await add(call.contactId, { ...guest, displayName: 'Guest 7' });
    expect(seventh.status).toBe(402);
    expect(((await seventh.json()) as { error: { name: string } }).error.name).toBe(
      'ServiceQuotaExceededException',
    );
    await post(`${desk()}/contacts/${call.contactId}/end`);
  });
});
