/**
 * The attendees of one meeting (created through the MediaService) and the check of a presented
 * join token: `<token>#content` is the content-share session of attendee `<id>#content`.
 * Connect's participant rule applies: an attendee that left or was disconnected for more than
 * {@link AWAY_LIMIT_MS} is gone for good (it would have to be created again), so its token is
 * refused from then on. Checked against the clock when the token is presented, so no timer runs.
 */
import type { MediaAttendee } from './media-service';
import { CONTENT_SUFFIX, parsePresentedToken, tokensEqual } from './join-token';

/** Connect: a participant away for 60 seconds must be re-created (CreateParticipant). */
export const AWAY_LIMIT_MS = 60_000;

/**
 * The attendees of one meeting and the check of a presented join token (the 60-second rule
 * included).
 */
export class MeetingAttendees {
  private readonly byId = new Map<string, MediaAttendee>();
  /** When each attendee's last connection went (absent: connected, or never joined). */
  private readonly awaySince = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  add(attendee: MediaAttendee): void {
    this.byId.set(attendee.AttendeeId, attendee);
  }

  /** Forgets an attendee, so its token is refused from now on; false if it was not there. */
  delete(attendeeId: string): boolean {
    this.awaySince.delete(attendeeId);
    return this.byId.delete(attendeeId);
  }

  /** The attendee's last connection went (a content share's does not count). */
  markAway(attendeeId: string): void {
    if (!attendeeId.endsWith(CONTENT_SUFFIX) && this.byId.has(attendeeId))
      this.awaySince.set(attendeeId, this.now());
  }

  /** The attendee is connected again. */
  markPresent(attendeeId: string): void {
    this.awaySince.delete(attendeeId);
  }

  /** Away for longer than Connect allows: forgotten (its token refused) and true. */
  private expired(attendeeId: string): boolean {
    const since = this.awaySince.get(attendeeId);
    if (since === undefined || this.now() - since <= AWAY_LIMIT_MS) return false;
    this.delete(attendeeId);
    return true;
  }

  /** The attendee a presented join token belongs to, or undefined (unknown, or away too long). */
  authenticate(presented: string): { attendeeId: string; externalUserId: string } | undefined {
    const { base, content } = parsePresentedToken(presented);
    for (const a of this.byId.values()) {
      if (tokensEqual(a.JoinToken, base)) {
        if (this.expired(a.AttendeeId)) return undefined;
        return {
          attendeeId: content ? `${a.AttendeeId}#content` : a.AttendeeId,
          externalUserId: a.ExternalUserId,
        };
      }
    }
    return undefined;
  }

  /**
   * True when the attendee exists and has not been away too long (the emulator's
   * CreateParticipantConnection asks).
   */
  isActive(attendeeId: string): boolean {
    return this.byId.has(attendeeId) && !this.expired(attendeeId);
  }
}
