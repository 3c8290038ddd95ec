/** Ended: how long the call lasted, who ended it, and "Call again". */
import type { SessionPhase } from '../call-session-types';
import { formatDuration, type Strings } from '../strings/strings';

export function endedText(t: Strings, endedBy: Extract<SessionPhase, { phase: 'ended' }>['endedBy']): string {
  switch (endedBy) {
    case 'customer':
      return t.endedByYou;
    case 'agent':
      return t.endedByAgent;
    case 'connection':
      return t.endedConnection;
    default:
      return t.endedBySystem;
  }
}

export function EndedScreen({ t, phase, onCallAgain }: { t: Strings; phase: Extract<SessionPhase, { phase: 'ended' }>; onCallAgain: () => void }) {
  return (
    <section className="cvw-screen cvw-ended" aria-labelledby="cvw-ended-title">
      <h3 id="cvw-ended-title" className="cvw-screen-title">{t.endedTitle}</h3>
      <p data-testid="ended-by">{endedText(t, phase.endedBy)}</p>
      <p data-testid="duration">{t.duration(formatDuration(phase.durationSeconds))}</p>
      <button type="button" className="cvw-button cvw-primary" onClick={onCallAgain}>{t.callAgain}</button>
    </section>
  );
}
