/**
 * Ended: who the call was with and how long it lasted (call time only), who ended it, the rating
 * question (when the entry point asks and an agent was reached), Close and Call again.
 */
import { PhoneCall } from 'lucide-react';
import { RatingForm } from '../ui/rating-form';
import type { SessionPhase } from '../call-session-types';
import { formatDuration } from '../../shared/format-duration';
import type { Strings } from '../strings/strings';

type Ended = Extract<SessionPhase, { phase: 'ended' }>;

/** Who or what ended the call, in words. */
export function endedText(t: Strings, endedBy: Ended['endedBy'], reachedAgent = true): string {
  if (!reachedAgent && endedBy !== 'customer') return t.endedBeforeAgent;
  switch (endedBy) {
    case 'customer':
      return t.endedByYou;
    case 'agent':
      return t.endedByAgent;
    case 'connection':
      return t.endedConnection;
    case 'away':
      return t.endedAway;
    default:
      return t.endedBySystem;
  }
}

/** The ended call and what the customer can do next. */
export interface EndedProps {
  t: Strings;
  phase: Ended;
  /** The agent the call was with (the session's `agentName`; null when none was named). */
  agentName: string | null;
  onCallAgain: () => void;
  onClose: () => void;
  /** Present when the customer is asked to rate the call. */
  onRate?: (score: number, comment: string) => Promise<void>;
}

/** The ended screen: who ended it, its duration, the rating, Call again. */
export function EndedScreen({ t, phase, agentName, onCallAgain, onClose, onRate }: EndedProps) {
  return (
    <section className="cvw-screen cvw-ended" aria-labelledby="cvw-ended-title">
      <div className="cvw-ended-body">
        <h3 id="cvw-ended-title" className="cvw-screen-title">
          {t.endedTitle}
        </h3>
        {agentName && <p data-testid="ended-with">{t.endedWith(agentName)}</p>}
        {phase.durationSeconds !== null && (
          <p className="cvw-ended-duration" data-testid="duration">
            {t.duration(formatDuration(phase.durationSeconds))}
          </p>
        )}
        <p data-testid="ended-by">{endedText(t, phase.endedBy, phase.durationSeconds !== null)}</p>
        {onRate && phase.durationSeconds !== null && <RatingForm t={t} onRate={onRate} />}
      </div>
      <div className="cvw-footer cvw-row">
        <button type="button" className="cvw-button" onClick={onClose}>
          {t.closeShort}
        </button>
        <button type="button" className="cvw-button cvw-primary" onClick={onCallAgain}>
          <PhoneCall size={18} aria-hidden="true" /> {t.callAgain}
        </button>
      </div>
    </section>
  );
}
