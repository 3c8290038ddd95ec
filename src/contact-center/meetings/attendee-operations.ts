/**
 * Chime SDK Meetings attendees: CreateAttendee, BatchCreateAttendee (up to 100), GetAttendee,
 * ListAttendees (paged, 1-100 per page), DeleteAttendee (the attendee is removed from the call and
 * its join token stops working) and UpdateAttendeeCapabilities.
 */
import { z } from 'zod';
import { meetingsError } from '../emulator/aws-error';
import type { Operation } from '../emulator/emulator-context';
import { addAttendees, attendeeOf, meetingOf } from './meeting-access';
import {
  AttendeeItem,
  Capabilities,
  parseMeetingsInput,
  resolveCapabilities,
} from './meetings-input';

/** CreateAttendee (Chime SDK Meetings). */
export const createAttendee: Operation = (deps, req) => {
  const record = meetingOf(deps, req.labels);
  const item = parseMeetingsInput(AttendeeItem, req.body);
  const [attendee] = addAttendees(deps, record, [item], 'Attendee');
  deps.meetings.save(record);
  return { Attendee: attendee };
};

/** BatchCreateAttendee (Chime SDK Meetings). */
export const batchCreateAttendee: Operation = (deps, req) => {
  const record = meetingOf(deps, req.labels);
  const { Attendees } = parseMeetingsInput(
    z.object({ Attendees: z.array(AttendeeItem).min(1).max(100) }),
    req.body,
  );
  const attendees = addAttendees(deps, record, Attendees, 'Attendees');
  deps.meetings.save(record);
  return { Attendees: attendees, Errors: [] };
};

/** GetAttendee (Chime SDK Meetings). */
export const getAttendee: Operation = (deps, req) => ({
  Attendee: attendeeOf(deps, req.labels).attendee,
});

const PAGE = z.object({
  'max-results': z.coerce.number().int().min(1).max(100).optional(),
  'next-token': z.string().max(4096).optional(),
});

/** NextToken: the offset of the next page, opaque to the caller. */
const tokenFor = (offset: number) => Buffer.from(`attendees:${offset}`).toString('base64url');

/** ListAttendees (Chime SDK Meetings), paginated. */
export const listAttendees: Operation = (deps, req) => {
  const record = meetingOf(deps, req.labels);
  const page = parseMeetingsInput(PAGE, Object.fromEntries(req.query));
  let offset = 0;
  if (page['next-token'] !== undefined) {
    const match = /^attendees:(\d{1,6})$/.exec(
      Buffer.from(page['next-token'], 'base64url').toString(),
    );
    if (!match || tokenFor(Number(match[1])) !== page['next-token'])
      throw meetingsError.badRequest('NextToken is not a token this operation returned');
    offset = Number(match[1]);
  }
  const size = page['max-results'] ?? 100;
  const attendees = record.attendees.slice(offset, offset + size);
  const next =
    offset + size < record.attendees.length ? { NextToken: tokenFor(offset + size) } : {};
  return { Attendees: attendees, ...next };
};

/**
 * Removes the attendee from the meeting: its connections stop with AttendeeRemoved, its token is
 * refused.
 */
export const deleteAttendee: Operation = (deps, req) => {
  const { record, attendee } = attendeeOf(deps, req.labels);
  record.attendees = record.attendees.filter((a) => a !== attendee);
  deps.meetings.save(record);
  deps.media.removeAttendee(record.meeting.MeetingId, attendee.AttendeeId);
  return undefined;
};

/** UpdateAttendeeCapabilities (Chime SDK Meetings). */
export const updateAttendeeCapabilities: Operation = (deps, req) => {
  const { record, attendee } = attendeeOf(deps, req.labels);
  const { Capabilities: given } = parseMeetingsInput(z.object({ Capabilities }), req.body);
  attendee.Capabilities = resolveCapabilities(
    given,
    record.meeting.MeetingFeatures,
    'Capabilities',
  );
  deps.meetings.save(record);
  return { Attendee: attendee };
};
