/**
 * LocalContacts over the real store with a fake media service: events, state history, the agent's
 * attendee, idempotent end, and 'contact-started' fired only once the contact and its response are
 * stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { StartWebRTCContactCommand } from '@aws-sdk/client-connect';
import { startEmulatorHarness, type EmulatorHarness } from '../emulator/testing/emulator-harness';

let h: EmulatorHarness;
afterEach(async () => h?.close());

const start = (token = 'contacts-test-token-1') =>
  h.connect.send(
    new StartWebRTCContactCommand({
      InstanceId: h.config.instance.id,
      ContactFlowId: h.config.defaultFlowId,
      ParticipantDetails: { DisplayName: 'Eve' },
      ClientToken: token,
    }),
  );

describe('LocalContacts', () => {
  it("emits 'contact-started' after the contact and the idempotent response are stored", async () => {
    h = await startEmulatorHarness();
    const seen: Array<{ id: string; stored: boolean }> = [];
    h.aws.contacts.events.on('contact-started', (c) =>
      seen.push({ id: c.id, stored: h.aws.contacts.get(c.id)?.state === 'INITIATED' }),
    );
    const out = await start();
    await start(); // a replay starts nothing
    expect(seen).toEqual([{ id: out.ContactId, stored: true }]);
  });

  it('transitions record history and emit; transcript items get ids and times; end is idempotent', async () => {
    h = await startEmulatorHarness();
    const { ContactId = '' } = await start();
    const events: string[] = [];
    h.aws.contacts.events.on('contact-updated', (c) => events.push(`updated:${c.state}`));
    h.aws.contacts.events.on('transcript', (e) => events.push(`transcript:${e.item.contentType}`));
    h.aws.contacts.events.on('contact-ended', (c) => events.push(`ended:${c.disconnectReason}`));
    h.aws.contacts.transition(ContactId, { kind: 'flow-started', detail: 'flow' });
    const item = h.aws.contacts.addTranscript(ContactId, {
      kind: 'caption',
      participantRole: 'SYSTEM',
      contentType: 'text/plain',
      content: 'Hi',
    });
    expect(item.id).toMatch(/^[0-9a-f-]{36}$/);
    const first = h.aws.contacts.end(ContactId, 'CONTACT_FLOW_DISCONNECT');
    const second = h.aws.contacts.end(ContactId, 'API');
    expect(second?.disconnectReason).toBe('CONTACT_FLOW_DISCONNECT');
    expect(first?.history.map((s) => s.state)).toEqual(['INITIATED', 'IN_FLOW', 'ENDED']);
    expect(events.filter((e) => e.startsWith('ended'))).toEqual(['ended:CONTACT_FLOW_DISCONNECT']);
    expect(events).toContain('transcript:application/vnd.amazonaws.connect.event.chat.ended');
    expect(h.aws.contacts.listActive()).toEqual([]);
    expect(h.media.ended).toEqual([first?.meeting.MeetingId]);
    expect(() => h.aws.contacts.transition('missing', { kind: 'noted', detail: 'x' })).toThrow(
      /does not exist/,
    );
  });

  it('addAgentParticipant creates attendee agent-<agentId>, restored with the meeting after a restart', async () => {
    h = await startEmulatorHarness();
    const { ContactId = '' } = await start();
    const agent = h.aws.contacts.addAgentParticipant(ContactId, {
      id: 'agent-42',
      displayName: 'Alex',
    });
    expect(agent.attendee.ExternalUserId).toBe('agent-agent-42');
    await h.restart();
    const contact = h.aws.contacts.get(ContactId);
    expect(contact?.agentParticipant?.participantId).toBe(agent.participantId);
    expect(
      h.media.meetings
        .get(contact?.meeting.MeetingId ?? '')
        ?.attendees.map((a) => a.ExternalUserId),
    ).toEqual([contact?.customer.attendee.ExternalUserId, 'agent-agent-42']);
  });
});
