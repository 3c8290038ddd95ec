/**
 * Chime SDK Meetings: CreateMeeting, CreateMeetingWithAttendees, GetMeeting and DeleteMeeting.
 * A meeting is a media-server meeting (same signaling and SFU as the contacts' calls) described in
 * the API's shape. ClientRequestToken makes creation idempotent: the same token returns the same
 * meeting while it exists; the same token with a different request is a ConflictException.
 */
import { createHash } from 'node:crypto';
import { meetingsError } from '../emulator/aws-error';
import type { EmulatorDeps, Operation, OperationRequest } from '../emulator/emulator-context';
import { hashToken } from '../store/contact-store';
import { addAttendees, meetingOf, planAttendees } from './meeting-access';
import type { MeetingRecord } from './meeting-record';
import {
  CreateMeetingInput,
  CreateMeetingWithAttendeesInput,
  parseMeetingsInput,
  resolveFeatures,
  type AttendeeItem,
} from './meetings-input';

type MeetingRequest = CreateMeetingInput & { Attendees?: AttendeeItem[] };

/**
 * The meeting this token already made, if the request matches it; a different request is a
 * conflict.
 */
function replayed(
  deps: EmulatorDeps,
  input: MeetingRequest,
  fingerprint: string,
): MeetingRecord | undefined {
  const prior = deps.meetings.byToken(hashToken(input.ClientRequestToken));
  if (prior && prior.fingerprint !== fingerprint) {
    throw meetingsError.conflict(
      'ClientRequestToken was already used for a different meeting request; use a different token for different meetings',
    );
  }
  return prior;
}

function create(deps: EmulatorDeps, req: OperationRequest, input: MeetingRequest): MeetingRecord {
  const { ClientRequestToken, ...rest } = input;
  const fingerprint = createHash('sha256').update(JSON.stringify(rest)).digest('hex');
  const prior = replayed(deps, input, fingerprint);
  if (prior) return prior;
  const features = resolveFeatures(input);
  if (input.Attendees) planAttendees(features, [], input.Attendees, 'Attendees');
  const media = deps.media.createMeeting();
  const id = media.MeetingId;
  const record: MeetingRecord = {
    meeting: {
      MeetingId: id,
      ...(input.MeetingHostId ? { MeetingHostId: input.MeetingHostId } : {}),
      ExternalMeetingId: input.ExternalMeetingId,
      MediaRegion: input.MediaRegion,
      MediaPlacement: media.MediaPlacement,
      MeetingFeatures: features,
      ...(input.TenantIds ? { TenantIds: input.TenantIds } : {}),
      MeetingArn: `arn:aws:chime:${req.region ?? 'us-east-1'}:000000000000:meeting/${id}`,
    },
    media,
    attendees: [],
    tags: input.Tags ?? [],
    tokenHash: hashToken(ClientRequestToken),
    fingerprint,
    initialAttendeeIds: [],
    createdAt: deps.now(),
  };
  try {
    if (input.Attendees)
      record.initialAttendeeIds = addAttendees(deps, record, input.Attendees, 'Attendees').map(
        (a) => a.AttendeeId,
      );
    deps.meetings.save(record);
  } catch (err) {
    deps.media.endMeeting(id); // nothing was stored: leave no meeting behind
    throw err;
  }
  return record;
}

/** CreateMeeting (Chime SDK Meetings). */
export const createMeeting: Operation = (deps, req) => ({
  Meeting: create(deps, req, parseMeetingsInput(CreateMeetingInput, req.body)).meeting,
});

/** CreateMeetingWithAttendees (Chime SDK Meetings). */
export const createMeetingWithAttendees: Operation = (deps, req) => {
  const record = create(deps, req, parseMeetingsInput(CreateMeetingWithAttendeesInput, req.body));
  const attendees = record.initialAttendeeIds
    .map((id) => record.attendees.find((a) => a.AttendeeId === id))
    .filter((a) => a !== undefined);
  return { Meeting: record.meeting, Attendees: attendees, Errors: [] };
};

/** GetMeeting (Chime SDK Meetings). */
export const getMeeting: Operation = (deps, req) => ({
  Meeting: meetingOf(deps, req.labels).meeting,
});

/** Ends the meeting for everyone (MeetingEnded), refuses later joins and forgets its attendees. */
export const deleteMeeting: Operation = (deps, req) => {
  const record = meetingOf(deps, req.labels);
  deps.meetings.delete(record.meeting.MeetingId);
  deps.media.endMeeting(record.meeting.MeetingId);
  return undefined;
};
