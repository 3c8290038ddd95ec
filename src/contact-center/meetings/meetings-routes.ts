/**
 * The Chime SDK Meetings operations of the emulator, by method and URI template exactly as in the
 * model (REST-JSON); deletes answer 204 as modelled.
 */
import { route, type Route } from '../emulator/route-spec';
import {
  batchCreateAttendee,
  createAttendee,
  deleteAttendee,
  getAttendee,
  listAttendees,
  updateAttendeeCapabilities,
} from './attendee-operations';
import {
  createMeeting,
  createMeetingWithAttendees,
  deleteMeeting,
  getMeeting,
} from './meeting-operations';

/** The emulated Chime SDK Meetings operations with their methods and paths. */
export const MEETINGS_ROUTES: Route[] = [
  route('POST /meetings', createMeeting),
  route('POST /meetings?operation=create-attendees', createMeetingWithAttendees),
  route('GET /meetings/{MeetingId}', getMeeting),
  route('DELETE /meetings/{MeetingId}', deleteMeeting, 204),
  route('POST /meetings/{MeetingId}/attendees', createAttendee),
  route('POST /meetings/{MeetingId}/attendees?operation=batch-create', batchCreateAttendee),
  route('GET /meetings/{MeetingId}/attendees', listAttendees),
  route('GET /meetings/{MeetingId}/attendees/{AttendeeId}', getAttendee),
  route('DELETE /meetings/{MeetingId}/attendees/{AttendeeId}', deleteAttendee, 204),
  route(
    'PUT /meetings/{MeetingId}/attendees/{AttendeeId}/capabilities',
    updateAttendeeCapabilities,
  ),
];
