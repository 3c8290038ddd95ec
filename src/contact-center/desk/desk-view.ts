/**
 * Builds what the agent desk shows from the contact record and the agent's state: the desk state
 * (customer, attributes, references, related contact, timings, DTMF, captions) and the agent's
 * meeting credentials in Streams' camelCase `getVideoConnectionInfo()` shape.
 */
import type {
  DeskContact,
  DeskHistoryItem,
  DeskState,
  VideoConnectionInfo,
} from '../../shared/agent-desk-api';
import { AWAY_UNTIL_ATTRIBUTE, RATING_ATTRIBUTES } from '../../shared/call-api';
import type { ContactParticipant, ContactRecord } from '../contacts/contact-record';
import type { LocalContacts } from '../contacts/local-contacts';
import type { AgentState } from '../routing/agent-roster';
import { withoutUnsafeText } from '../../shared/display-name';

/**
 * Names reach the store from any SDK caller too; the desk never shows characters that could spoof
 * it.
 */
const shown = <T extends string | undefined>(text: T): T =>
  text === undefined ? text : (withoutUnsafeText(text) as T);

/** A contact as the desk shows it. */
export function deskContact(
  c: ContactRecord,
  contacts: LocalContacts,
  ringTimeoutSeconds: number,
  dtmf: Array<{ at: number; digits: string }>,
): DeskContact {
  const related = c.relatedContactId ? contacts.get(c.relatedContactId) : undefined;
  const references: DeskContact['references'] = {};
  for (const [key, ref] of Object.entries(c.references))
    references[key] = { Type: ref.Type, ...(ref.Value !== undefined ? { Value: ref.Value } : {}) };
  const caps = c.allowedCapabilities;
  const awayUntil = Date.parse(c.attributes[AWAY_UNTIL_ATTRIBUTE] ?? '');
  const dtmfItems = c.transcript
    .filter((t) => t.kind === 'dtmf')
    .map((t) => ({ at: t.at, digits: t.content }));
  return {
    id: c.id,
    state: c.state,
    customerName: shown(c.name),
    description: shown(c.description),
    attributes: c.attributes,
    references,
    relatedContact: c.relatedContactId
      ? { id: c.relatedContactId, customerName: shown(related?.name), state: related?.state }
      : undefined,
    queueName: c.queue?.name,
    enqueuedAt: c.queue?.enqueuedAt,
    ringStartedAt: c.agent?.ringStartedAt,
    ringTimeoutSeconds,
    acceptedAt: c.agent?.acceptedAt,
    connectedAt: c.agent?.connectedAt,
    endedAt: c.disconnectedAt,
    ...(Number.isFinite(awayUntil) && c.disconnectedAt === undefined
      ? { customerAwayUntil: awayUntil }
      : {}),
    disconnectReason: c.disconnectReason,
    capabilities: {
      customer: {
        video: caps.Customer?.Video === 'SEND',
        screenShare: caps.Customer?.ScreenShare === 'SEND',
      },
      agent: {
        video: caps.Agent?.Video === 'SEND',
        screenShare: caps.Agent?.ScreenShare === 'SEND',
      },
    },
    participants: [c.customer, ...(c.extraParticipants ?? [])]
      .filter((p) => !p.disconnectedAt || p === c.customer)
      .map((p) => ({
        participantId: p.participantId,
        attendeeId: p.attendee.AttendeeId,
        name: shown(p.displayName),
        added: p !== c.customer,
      })),
    // The emulator may keep DTMF in the transcript; otherwise the desk's own log of 'dtmf' events
    // is used.
    dtmf: dtmfItems.length > 0 ? dtmfItems : dtmf,
    captions: c.transcript
      .filter((t) => t.kind === 'caption')
      .map((t) => ({ at: t.at, text: t.content })),
  };
}

/** A handled contact as the desk's history lists it (the rating from its contact attributes). */
export function deskHistoryItem(c: ContactRecord): DeskHistoryItem {
  const score = Number(c.attributes[RATING_ATTRIBUTES.score]);
  const comment = c.attributes[RATING_ATTRIBUTES.comment];
  const connectedAt = c.agent?.connectedAt ?? c.agent?.acceptedAt;
  return {
    id: c.id,
    customerName: shown(c.name),
    endedAt: c.disconnectedAt,
    ...(connectedAt && c.disconnectedAt
      ? { durationSeconds: Math.max(0, Math.floor((c.disconnectedAt - connectedAt) / 1000)) }
      : {}),
    ...(Number.isInteger(score) && score >= 1 && score <= 5
      ? { rating: { score, ...(comment ? { comment: shown(comment) } : {}) } }
      : {}),
  };
}

/** The whole desk of one agent. */
export function deskState(
  agent: AgentState,
  contact: DeskContact | undefined,
  afterContactWorkSeconds: number,
  history: DeskHistoryItem[] = [],
): DeskState {
  return {
    agent: {
      id: agent.id,
      username: agent.username,
      name: agent.name,
      status: agent.status,
      statusSince: agent.statusSince,
    },
    contact,
    afterContactWorkSeconds,
    history,
  };
}

/** The agent's attendee in the contact's meeting, as Streams gives it to a real agent. */
export function videoConnectionInfo(
  contact: ContactRecord,
  agent: ContactParticipant,
): VideoConnectionInfo {
  const m = contact.meeting;
  return {
    attendee: { attendeeId: agent.attendee.AttendeeId, joinToken: agent.attendee.JoinToken },
    meeting: {
      mediaPlacement: {
        audioFallbackUrl: m.MediaPlacement.AudioFallbackUrl,
        audioHostUrl: m.MediaPlacement.AudioHostUrl,
        eventIngestionUrl: m.MediaPlacement.EventIngestionUrl,
        signalingUrl: m.MediaPlacement.SignalingUrl,
        turnControlUrl: m.MediaPlacement.TurnControlUrl,
      },
      mediaRegion: m.MediaRegion,
      meetingFeatures: m.MeetingFeatures
        ? { audio: { echoReduction: m.MeetingFeatures.Audio.EchoReduction } }
        : null,
      meetingId: m.MeetingId,
    },
  };
}
