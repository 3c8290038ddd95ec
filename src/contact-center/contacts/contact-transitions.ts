/**
 * The named transitions of a contact: the only ways its record changes. Each is checked against the
 * contact's current state (an illegal one throws {@link ContactTransitionError} and changes
 * nothing), writes the history entry itself, and stamps `lastUpdatedAt`. The contacts
 * implementations persist and announce what {@link applyTransition} returns; every other part of
 * the contact center asks them for a transition by name instead of editing the record.
 */
import type {
  ContactParticipant,
  ContactRecord,
  ContactState,
  DeviceInfo,
  TranscriptItem,
} from './contact-record';
import { participantsOf } from './participant-events';

/**
 * What a flow may set on the contact itself (Set voice, Set contact attributes' data, recording,
 * hooks).
 */
export type FlowData = Partial<
  Pick<
    ContactRecord,
    | 'name'
    | 'description'
    | 'languageCode'
    | 'textToSpeechVoice'
    | 'recordingBehavior'
    | 'eventHooks'
  >
>;

/** The transitions other parts ask for (through `LocalContacts.transition`). */
export type ContactTransition =
  /** The inbound flow starts (or starts over after a restart): IN_FLOW, connected to the system. */
  | { kind: 'flow-started'; detail: string }
  /** A queue took the contact; `queue` is absent when a flow test only records the transfer. */
  | {
      kind: 'queued';
      detail?: string;
      queue?: { id: string; name: string; enqueuedAt: number };
    }
  /** The router offers the contact to an agent: it rings. */
  | { kind: 'offered'; agentId: string; detail: string }
  /**
   * The ring ended unanswered (missed, rejected, agent went away): that agent is not rung again.
   */
  | { kind: 'offer-declined'; agentId: string; detail: string }
  /** The ringing agent accepted: CONNECTED (the agent's participant is added first). */
  | { kind: 'accepted'; agentId: string; detail: string }
  /** The agent's media joined the meeting (DescribeContact's ConnectedToAgentTimestamp); once. */
  | { kind: 'agent-media-connected' }
  /** The contact ended with an agent on it: the agent's after-contact work starts, or ends. */
  | { kind: 'after-contact-work-started'; agentId: string }
  | { kind: 'after-contact-work-ended'; agentId: string }
  /** An agent became available again: waiting contacts may ring them again. */
  | { kind: 'declines-forgotten'; agentId: string }
  /** A step worth a line in the history, the state unchanged ("flow restarted after a restart"). */
  | { kind: 'noted'; detail: string }
  /** Contact attributes merged in (a flow's Set contact attributes, UpdateContactAttributes). */
  | { kind: 'attributes-set'; attributes: Record<string, string> }
  /** A flow set data of the contact itself. */
  | { kind: 'flow-data-set'; data: FlowData }
  /** The client of a participant reported its device when its media joined. */
  | { kind: 'device-noted'; attendeeId: string; deviceInfo: DeviceInfo };

/**
 * Transitions only the contacts implementations take, as part of an operation with side effects.
 */
export type OwnTransition =
  | { kind: 'participant-added'; participant: ContactParticipant }
  | { kind: 'participant-left'; participantId: string }
  | { kind: 'transcript-added'; item: TranscriptItem }
  | { kind: 'ended'; reason: string };

/** Every transition of a contact: those callers ask for and those the contacts take themselves. */
export type AnyTransition = ContactTransition | OwnTransition;
/** The name of a transition. */
export type TransitionKind = AnyTransition['kind'];

const ACTIVE: readonly ContactState[] = ['INITIATED', 'IN_FLOW', 'QUEUED', 'RINGING', 'CONNECTED'];
const ANY: readonly ContactState[] = [...ACTIVE, 'ENDED'];

/** The states each transition may start from, and the state it leads to (absent: unchanged). */
export const TRANSITIONS: Record<
  TransitionKind,
  { from: readonly ContactState[]; to?: ContactState }
> = {
  'flow-started': { from: ['INITIATED', 'IN_FLOW'], to: 'IN_FLOW' },
  // From RINGING: an unanswered ring, or a ring cut by a restart, goes back to the queue.
  queued: { from: ['IN_FLOW', 'QUEUED', 'RINGING'], to: 'QUEUED' },
  offered: { from: ['QUEUED'], to: 'RINGING' },
  'offer-declined': { from: ['RINGING'] },
  accepted: { from: ['RINGING'], to: 'CONNECTED' },
  'agent-media-connected': { from: ['CONNECTED'] },
  // The router learns of the end from 'contact-ended', so after-contact work is noted on an ended
  // contact.
  'after-contact-work-started': { from: ['ENDED'] },
  'after-contact-work-ended': { from: ['ENDED'] },
  'declines-forgotten': { from: ['QUEUED'] },
  noted: { from: ACTIVE },
  // Connect keeps accepting attributes after the end (a rating arrives then).
  'attributes-set': { from: ANY },
  'flow-data-set': { from: ['IN_FLOW'] },
  'device-noted': { from: ACTIVE },
  'participant-added': { from: ACTIVE },
  'participant-left': { from: ACTIVE },
  // The chat-ended and participant-left events follow the end.
  'transcript-added': { from: ANY },
  ended: { from: ACTIVE, to: 'ENDED' },
};

/**
 * An illegal transition: names the contact, its state and the state the transition would lead to.
 */
export class ContactTransitionError extends Error {
  override readonly name = 'ContactTransitionError';
  constructor(
    readonly contactId: string,
    readonly kind: TransitionKind,
    readonly from: ContactState,
    readonly to: ContactState,
  ) {
    super(`Contact ${contactId} cannot take "${kind}" from ${from} to ${to}`);
  }
}

/**
 * The contact after `t` at time `at`: a new record (the given one is not touched). Throws
 * {@link ContactTransitionError} when `t` is not allowed from the contact's state.
 */
export function applyTransition(
  contact: ContactRecord,
  t: AnyTransition,
  at: number,
): ContactRecord {
  const rule = TRANSITIONS[t.kind];
  const to = rule.to ?? contact.state;
  if (!rule.from.includes(contact.state))
    throw new ContactTransitionError(contact.id, t.kind, contact.state, to);
  const next = structuredClone(contact);
  change(next, t, at);
  next.state = to;
  next.lastUpdatedAt = at;
  const detail = 'detail' in t ? t.detail : undefined;
  if (to !== contact.state || detail !== undefined)
    next.history.push({ state: to, at, ...(detail !== undefined ? { detail } : {}) });
  return next;
}

/** Applies the data of `t` to the copy `c` (state and history are set by the caller). */
function change(c: ContactRecord, t: AnyTransition, at: number): void {
  switch (t.kind) {
    case 'flow-started':
      c.connectedToSystemAt ??= at;
      return;
    case 'queued':
      if (t.queue) c.queue = t.queue;
      return;
    case 'offered':
      c.agent = { id: t.agentId, ringStartedAt: at };
      return;
    case 'offer-declined':
      c.declinedBy = [...new Set([...(c.declinedBy ?? []), t.agentId])];
      c.agent = undefined;
      return;
    case 'accepted':
      c.agent = { id: t.agentId, ringStartedAt: c.agent?.ringStartedAt, acceptedAt: at };
      return;
    case 'agent-media-connected':
      c.agent = { ...c.agent, id: c.agent?.id ?? '', connectedAt: c.agent?.connectedAt ?? at };
      return;
    case 'after-contact-work-started':
      c.agent = { ...c.agent, id: t.agentId, afterContactWorkStartedAt: at };
      return;
    case 'after-contact-work-ended':
      c.agent = { ...c.agent, id: t.agentId, afterContactWorkEndedAt: at };
      return;
    case 'declines-forgotten':
      c.declinedBy = c.declinedBy?.filter((id) => id !== t.agentId);
      return;
    case 'noted':
      return;
    case 'attributes-set':
      c.attributes = { ...c.attributes, ...t.attributes };
      return;
    case 'flow-data-set': {
      const { eventHooks, ...rest } = t.data;
      Object.assign(c, rest);
      // One hook per Set event flow block: a new hook joins those set before.
      if (eventHooks) c.eventHooks = { ...c.eventHooks, ...eventHooks };
      return;
    }
    case 'device-noted': {
      const p = participantsOf(c).find((x) => x.attendee.AttendeeId === t.attendeeId);
      if (p) p.deviceInfo = t.deviceInfo;
      return;
    }
    case 'participant-added':
      if (t.participant.role === 'AGENT') c.agentParticipant = t.participant;
      else c.extraParticipants = [...(c.extraParticipants ?? []), t.participant];
      return;
    case 'participant-left': {
      const p = participantsOf(c).find((x) => x.participantId === t.participantId);
      if (p) p.disconnectedAt = at;
      return;
    }
    case 'transcript-added':
      c.transcript = [...c.transcript, t.item];
      return;
    case 'ended':
      c.disconnectedAt = at;
      c.disconnectReason = t.reason;
      for (const p of participantsOf(c)) p.disconnectedAt ??= at;
      return;
  }
}
