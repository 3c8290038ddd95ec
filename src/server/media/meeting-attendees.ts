/**
 * The attendees of one meeting (created through the MediaService) and the check of a presented
 * join token: `<token>#content` is the content-share session of attendee `<id>#content`.
 */
import type { MediaAttendee } from './media-service';
import { parsePresentedToken, tokensEqual } from './join-token';

export class MeetingAttendees {
  private readonly byId = new Map<string, MediaAttendee>();

  add(attendee: MediaAttendee): void {
    this.byId.set(attendee.AttendeeId, attendee);
  }

  /** Forgets an attendee, so its token is refused from now on; false if it was not there. */
  delete(attendeeId: string): boolean {
    return this.byId.delete(attendeeId);
  }

  /** The attendee a presented join token belongs to, or undefined. */
  authenticate(presented: string): { attendeeId: string; externalUserId: string } | undefined {
    const { base, content } = parsePresentedToken(presented);
    for (const a of this.byId.values()) {
      if (tokensEqual(a.JoinToken, base))
        return {
          attendeeId: content ? `${a.AttendeeId}#content` : a.AttendeeId,
          externalUserId: a.ExternalUserId,
        };
    }
    return undefined;
  }
}
