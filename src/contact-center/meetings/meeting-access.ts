/**
 * Looking meetings and attendees up by their path labels (BadRequest for a malformed id, Forbidden
 * for a Connect contact's meeting, NotFound otherwise) and adding attendees within the meeting's
 * limit. ExternalUserId is the API's idempotency key for attendees: the same id in the same meeting
 * returns the attendee it already has.
 */
import { meetingsError } from '../emulator/aws-error';
import type { EmulatorDeps } from '../emulator/emulator-context';
import type {
  AttendeeCapabilities,
  ChimeAttendee,
  MeetingFeatures,
  MeetingRecord,
} from './meeting-record';
import { guid, resolveCapabilities, type AttendeeItem } from './meetings-input';

/** The API's meeting for the `MeetingId` label. */
export function meetingOf(deps: EmulatorDeps, labels: Record<string, string>): MeetingRecord {
  const id = guid(labels.MeetingId, 'MeetingId');
  const record = deps.meetings.get(id);
  if (record) return record;
  if (deps.media.isMeetingActive(id)) {
    throw meetingsError.forbidden(
      `Meeting ${id} belongs to a contact of the local Amazon Connect instance; manage it through Connect`,
    );
  }
  throw meetingsError.notFound(`Meeting ${id} does not exist`);
}

/** The meeting's attendee for the `AttendeeId` label. */
export function attendeeOf(
  deps: EmulatorDeps,
  labels: Record<string, string>,
): { record: MeetingRecord; attendee: ChimeAttendee } {
  const record = meetingOf(deps, labels);
  const id = guid(labels.AttendeeId, 'AttendeeId');
  const attendee = record.attendees.find((a) => a.AttendeeId === id);
  if (!attendee)
    throw meetingsError.notFound(
      `Attendee ${id} does not exist in meeting ${record.meeting.MeetingId}`,
    );
  return { record, attendee };
}

/**
 * Checks attendees to add (all or none): capabilities against the meeting's features, and the
 * attendee limit. Returns each item's capabilities. Throws before anything is created.
 */
export function planAttendees(
  features: MeetingFeatures,
  current: ChimeAttendee[],
  items: AttendeeItem[],
  where: string,
): AttendeeCapabilities[] {
  const capabilities = items.map((item, i) =>
    resolveCapabilities(
      item.Capabilities,
      features,
      items.length > 1 ? `${where}.${i}.Capabilities` : 'Capabilities',
    ),
  );
  const known = new Set(current.map((a) => a.ExternalUserId));
  const fresh = new Set(items.map((i) => i.ExternalUserId).filter((id) => !known.has(id)));
  const max = features.Attendee.MaxCount;
  if (current.length + fresh.size > max) {
    throw meetingsError.limitExceeded(
      `The meeting has ${current.length} attendees; adding ${fresh.size} would exceed its limit of ${max}`,
    );
  }
  return capabilities;
}

/**
 * Adds checked attendees on the media server and to the record (not saved); one attendee per item,
 * in order.
 */
export function addAttendees(
  deps: EmulatorDeps,
  record: MeetingRecord,
  items: AttendeeItem[],
  where: string,
): ChimeAttendee[] {
  const capabilities = planAttendees(
    record.meeting.MeetingFeatures,
    record.attendees,
    items,
    where,
  );
  const known = new Map(record.attendees.map((a) => [a.ExternalUserId, a]));
  return items.map((item, i) => {
    const existing = known.get(item.ExternalUserId);
    if (existing) return existing;
    const media = deps.media.createAttendee(record.meeting.MeetingId, item.ExternalUserId);
    const attendee: ChimeAttendee = {
      ExternalUserId: item.ExternalUserId,
      AttendeeId: media.AttendeeId,
      JoinToken: media.JoinToken,
      Capabilities: capabilities[i]!,
    };
    known.set(item.ExternalUserId, attendee);
    record.attendees.push(attendee);
    return attendee;
  });
}
