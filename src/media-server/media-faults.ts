/**
 * The media server's fault boundary. Everything that serves one meeting or one member (the audio
 * clock, werift's packet callbacks, the signaling socket's events, timers) runs through `run`: a
 * throw there is logged with the meeting (and attendee) it served, counted by where it happened,
 * and handed to a containment step that ends at most that member's or that meeting's media. It
 * never propagates: an exception from one call must not become the process's uncaught exception,
 * which would end every other call on the machine.
 */
import type { FastifyBaseLogger } from 'fastify';

/** Whose work failed. */
export interface FaultScope {
  meetingId: string;
  attendeeId?: string;
}

/** Where in the media server a fault happened (the counters' keys). */
export type FaultSource =
  | 'audio-clock'
  | 'audio-member'
  | 'audio-metadata'
  | 'rtp-audio'
  | 'rtp-video'
  | 'keyframe'
  | 'signaling-event'
  | 'signaling-send'
  | 'meeting-event'
  | 'timer';

/** Runs work behind the owning member's fault boundary (see MeetingRoom.guardMember). */
export type MemberGuard = (source: FaultSource, work: () => void) => void;

/** A snapshot of the fault counters. */
export interface FaultCounts {
  total: number;
  bySource: Partial<Record<FaultSource, number>>;
}

/** The fault boundary of the media server: runs work, logs and counts what throws, contains it. */
export class MediaFaults {
  private readonly counts = new Map<FaultSource, number>();
  private total = 0;

  constructor(private readonly logger: FastifyBaseLogger) {}

  /**
   * Runs `work`; if it throws, logs and counts the fault, then runs `contain` (itself guarded: a
   * containment that throws is logged, never rethrown). Returns whether `work` completed.
   */
  run(scope: FaultScope, source: FaultSource, work: () => void, contain?: () => void): boolean {
    try {
      work();
      return true;
    } catch (err) {
      this.record(scope, source, err);
      if (contain) {
        try {
          contain();
        } catch (again) {
          this.logger.error(
            { ...scope, source, err: errorText(again) },
            'media fault containment failed',
          );
        }
      }
      return false;
    }
  }

  /** Counts and logs a fault that was caught elsewhere (a rejected promise, a clock tick). */
  record(scope: FaultScope, source: FaultSource, err: unknown): void {
    this.total++;
    this.counts.set(source, (this.counts.get(source) ?? 0) + 1);
    this.logger.error({ ...scope, source, err: errorText(err) }, 'media fault contained');
  }

  snapshot(): FaultCounts {
    return { total: this.total, bySource: Object.fromEntries(this.counts) };
  }
}

/** The message and the top of the stack: enough to find the code, nothing from the payloads. */
function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  return (err.stack ?? `${err.name}: ${err.message}`).split('\n').slice(0, 6).join('\n');
}
