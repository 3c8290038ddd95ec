/**
 * The transition table: every transition from every state is either applied (the right state,
 * history entry and fields, on a new record) or refused with a ContactTransitionError that names
 * the contact and both states, leaving the given record as it was.
 */
import { describe, expect, it } from 'vitest';
import type { ContactParticipant, ContactState } from './contact-record';
import {
  applyTransition,
  ContactTransitionError,
  TRANSITIONS,
  type AnyTransition,
  type TransitionKind,
} from './contact-transitions';
import { testContactRecord } from './memory-contacts';

const T0 = 1_700_000_000_000;
const AT = T0 + 5_000;
const STATES: ContactState[] = ['INITIATED', 'IN_FLOW', 'QUEUED', 'RINGING', 'CONNECTED', 'ENDED'];

const guest: ContactParticipant = {
  participantId: 'guest-1',
  role: 'CUSTOMER',
  displayName: 'Guest',
  attendee: { AttendeeId: 'att-g', JoinToken: 'secret-g', ExternalUserId: 'customer-guest-1' },
};

/** One example of each transition. */
const EXAMPLES: Record<TransitionKind, AnyTransition> = {
  'flow-started': { kind: 'flow-started', detail: 'flow Main' },
  queued: {
    kind: 'queued',
    detail: 'queued in Sales',
    queue: { id: 'sales', name: 'Sales', enqueuedAt: AT },
  },
  offered: { kind: 'offered', agentId: 'alex', detail: 'ringing Alex' },
  'offer-declined': { kind: 'offer-declined', agentId: 'alex', detail: 'rejected by Alex' },
  accepted: { kind: 'accepted', agentId: 'alex', detail: 'accepted by Alex' },
  'agent-media-connected': { kind: 'agent-media-connected' },
  'after-contact-work-started': { kind: 'after-contact-work-started', agentId: 'alex' },
  'after-contact-work-ended': { kind: 'after-contact-work-ended', agentId: 'alex' },
  'declines-forgotten': { kind: 'declines-forgotten', agentId: 'alex' },
  noted: { kind: 'noted', detail: 'ring interrupted by a restart' },
  'attributes-set': { kind: 'attributes-set', attributes: { topic: 'kettle' } },
  'flow-data-set': { kind: 'flow-data-set', data: { languageCode: 'fr-FR' } },
  'device-noted': {
    kind: 'device-noted',
    attendeeId: 'att-c-c1',
    deviceInfo: { PlatformName: 'Firefox' },
  },
  'participant-added': { kind: 'participant-added', participant: guest },
  'participant-left': { kind: 'participant-left', participantId: 'customer-c1' },
  'transcript-added': {
    kind: 'transcript-added',
    item: {
      id: 'i1',
      at: AT,
      kind: 'caption',
      participantRole: 'SYSTEM',
      contentType: 'text/plain',
      content: 'Hello',
    },
  },
  ended: { kind: 'ended', reason: 'API' },
};

const contactIn = (state: ContactState) =>
  testContactRecord(T0, {
    id: 'c1',
    state,
    declinedBy: ['alex', 'sam'],
    agent: { id: 'alex', ringStartedAt: T0 + 1_000 },
  });

describe('contact transitions', () => {
  const cases = STATES.flatMap((from) =>
    (Object.keys(EXAMPLES) as TransitionKind[]).map((kind) => ({ from, kind })),
  );

  it.each(cases)(
    '$kind from $from: applied where the table allows it, refused elsewhere',
    ({ from, kind }) => {
      const contact = contactIn(from);
      const before = structuredClone(contact);
      const rule = TRANSITIONS[kind];
      const to = rule.to ?? from;
      if (rule.from.includes(from)) {
        const next = applyTransition(contact, EXAMPLES[kind], AT);
        expect(contact).toEqual(before); // a new record; the given one is untouched
        expect(next.state).toBe(to);
        expect(next.lastUpdatedAt).toBe(AT);
        const detail = (EXAMPLES[kind] as { detail?: string }).detail;
        const written = next.history.slice(before.history.length);
        expect(written).toEqual(
          to !== from || detail !== undefined
            ? [{ state: to, at: AT, ...(detail !== undefined ? { detail } : {}) }]
            : [],
        );
      } else {
        let error: unknown;
        try {
          applyTransition(contact, EXAMPLES[kind], AT);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(ContactTransitionError);
        expect((error as Error).message).toBe(
          `Contact c1 cannot take "${kind}" from ${from} to ${to}`,
        );
        expect(contact).toEqual(before);
      }
    },
  );

  it('after the end only attributes, the transcript and after-contact work change; nothing goes back to INITIATED', () => {
    const leaveEnded = Object.entries(TRANSITIONS)
      .filter(([, r]) => r.from.includes('ENDED'))
      .map(([k]) => k)
      .sort();
    expect(leaveEnded).toEqual([
      'after-contact-work-ended',
      'after-contact-work-started',
      'attributes-set',
      'transcript-added',
    ]);
    expect(Object.values(TRANSITIONS).filter((r) => r.to === 'INITIATED')).toEqual([]);
  });

  it('writes what each transition is about', () => {
    const ringing = contactIn('RINGING');
    expect(applyTransition(ringing, EXAMPLES.accepted, AT).agent).toEqual({
      id: 'alex',
      ringStartedAt: T0 + 1_000,
      acceptedAt: AT,
    });
    expect(applyTransition(ringing, EXAMPLES['offer-declined'], AT)).toMatchObject({
      agent: undefined,
      declinedBy: ['alex', 'sam'],
    });
    const queued = contactIn('QUEUED');
    expect(applyTransition(queued, EXAMPLES.offered, AT).agent).toEqual({
      id: 'alex',
      ringStartedAt: AT,
    });
    expect(applyTransition(queued, EXAMPLES['declines-forgotten'], AT).declinedBy).toEqual(['sam']);
    expect(applyTransition(queued, EXAMPLES.queued, AT).queue).toEqual({
      id: 'sales',
      name: 'Sales',
      enqueuedAt: AT,
    });
    // A flow test's transfer only records the state: the queue stays as it was.
    expect(applyTransition(queued, { kind: 'queued' }, AT).queue).toBeUndefined();

    const inFlow = applyTransition(contactIn('INITIATED'), EXAMPLES['flow-started'], AT);
    expect(inFlow.connectedToSystemAt).toBe(AT);
    // A flow restarted after a restart keeps the first time it reached the system.
    expect(applyTransition(inFlow, EXAMPLES['flow-started'], AT + 1).connectedToSystemAt).toBe(AT);
    const hooked = applyTransition(
      applyTransition(
        inFlow,
        { kind: 'flow-data-set', data: { eventHooks: { AgentHold: 'f1' } } },
        AT,
      ),
      { kind: 'flow-data-set', data: { eventHooks: { CustomerQueue: 'f2' } } },
      AT,
    );
    expect(hooked.eventHooks).toEqual({ AgentHold: 'f1', CustomerQueue: 'f2' });
    expect(
      applyTransition(
        { ...inFlow, attributes: { a: '1', b: '2' } },
        { kind: 'attributes-set', attributes: { b: '3' } },
        AT,
      ).attributes,
    ).toEqual({ a: '1', b: '3' });

    const connected = applyTransition(
      contactIn('CONNECTED'),
      EXAMPLES['agent-media-connected'],
      AT,
    );
    expect(connected.agent?.connectedAt).toBe(AT);
    // Only the first join counts (DescribeContact's ConnectedToAgentTimestamp).
    expect(
      applyTransition(connected, EXAMPLES['agent-media-connected'], AT + 1).agent?.connectedAt,
    ).toBe(AT);
    const withGuest = applyTransition(connected, EXAMPLES['participant-added'], AT);
    expect(withGuest.extraParticipants).toEqual([guest]);
    const device = applyTransition(withGuest, EXAMPLES['device-noted'], AT);
    expect(device.customer.deviceInfo).toEqual({ PlatformName: 'Firefox' });
    const left = applyTransition(
      device,
      { kind: 'participant-left', participantId: 'guest-1' },
      AT + 2,
    );
    expect(left.extraParticipants?.[0]?.disconnectedAt).toBe(AT + 2);
    expect(left.customer.disconnectedAt).toBeUndefined();

    const ended = applyTransition(left, EXAMPLES.ended, AT + 3);
    expect(ended).toMatchObject({ disconnectedAt: AT + 3, disconnectReason: 'API' });
    // Everyone still on the call leaves at the end; who left before keeps their time.
    expect(ended.customer.disconnectedAt).toBe(AT + 3);
    expect(ended.extraParticipants?.[0]?.disconnectedAt).toBe(AT + 2);
    const acw = applyTransition(ended, EXAMPLES['after-contact-work-started'], AT + 4);
    expect(acw.agent).toMatchObject({ id: 'alex', afterContactWorkStartedAt: AT + 4 });
  });
});
