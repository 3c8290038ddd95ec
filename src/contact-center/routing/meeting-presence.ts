/**
 * Who is in which meeting right now, from the media server's attendee events: lets a prompt wait
 * for the customer to join before it is spoken, and the router note when the agent's media
 * connected.
 */
import type { EventEmitter } from 'node:events';
import type { MediaServiceEvents } from '../../media-server/media-service';

/** Who is in each contact's meeting, from the media server's join and leave events. */
export class MeetingPresence {
  private readonly present = new Set<string>();
  private readonly waiters = new Set<{ key: string; resolve: (joined: boolean) => void }>();
  private readonly onJoin = (e: { meetingId: string; attendeeId: string }) => {
    const key = `${e.meetingId}/${e.attendeeId}`;
    this.present.add(key);
    for (const w of [...this.waiters]) if (w.key === key) w.resolve(true);
    this.joined?.(e);
  };
  private readonly onLeave = (e: { meetingId: string; attendeeId: string }) =>
    void this.present.delete(`${e.meetingId}/${e.attendeeId}`);

  constructor(
    private readonly events: EventEmitter<MediaServiceEvents>,
    private readonly joined?: (e: { meetingId: string; attendeeId: string }) => void,
  ) {
    events.on('attendee-joined', this.onJoin);
    events.on('attendee-left', this.onLeave);
  }

  isPresent(meetingId: string, attendeeId: string): boolean {
    return this.present.has(`${meetingId}/${attendeeId}`);
  }

  /** Resolves true when the attendee is (or becomes) present, false after `timeoutMs`. */
  waitFor(meetingId: string, attendeeId: string, timeoutMs: number): Promise<boolean> {
    if (this.isPresent(meetingId, attendeeId)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = {
        key: `${meetingId}/${attendeeId}`,
        resolve: (joined: boolean) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(joined);
        },
      };
      const timer = setTimeout(() => waiter.resolve(false), timeoutMs);
      this.waiters.add(waiter);
    });
  }

  close(): void {
    this.events.off('attendee-joined', this.onJoin);
    this.events.off('attendee-left', this.onLeave);
    for (const w of [...this.waiters]) w.resolve(false);
  }
}
