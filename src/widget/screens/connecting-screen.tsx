/**
 * Connecting: the contact runs its flow. Shows where the contact is (flow or queue), the time waiting,
 * the captions of the prompts and the DTMF keypad.
 */
import { useState } from 'react';
import type { CallEngine } from '../../call-engine/call-engine-api';
import type { Caption, SessionPhase } from '../call-session-types';
import { formatDuration, type Strings } from '../strings/strings';
import { DtmfKeypad } from '../ui/dtmf-keypad';
import { useNow } from '../ui/use-now';
import { EngineNotices } from './call-banners';

export interface ConnectingProps {
  t: Strings;
  phase: Extract<SessionPhase, { phase: 'connecting' }>;
  captions: Caption[];
  onDigit: (digit: string) => Promise<void>;
  onEnd: () => void;
  /** The joined (or joining) meeting, for its notices (blocked audio, lost device). */
  engine?: CallEngine | null;
}

/** The status line of the connecting screen (also announced in the live region). */
export function connectingStatus(t: Strings, phase: ConnectingProps['phase']): string {
  if (phase.flowState === 'queued') return phase.queueName ? t.queuedIn(phase.queueName) : t.queued;
  return t.inFlow;
}

export function ConnectingScreen({ t, phase, captions, onDigit, onEnd, engine }: ConnectingProps) {
  const now = useNow();
  const [keypad, setKeypad] = useState(false);
  return (
    <section className="cvw-screen cvw-connecting" aria-labelledby="cvw-connecting-title">
      <h3 id="cvw-connecting-title" className="cvw-screen-title">{t.connectingTitle}</h3>
      <p className="cvw-status-line">{connectingStatus(t, phase)}</p>
      {engine && <EngineNotices t={t} engine={engine} />}
      <p className="cvw-timer" data-testid="waiting-time">{t.waitingFor(formatDuration((now - phase.startedAt) / 1000))}</p>
      <Captions t={t} captions={captions} />
      <div className="cvw-row">
        <button type="button" className="cvw-button" aria-expanded={keypad} onClick={() => setKeypad((k) => !k)}>
          {keypad ? t.hideKeypad : t.showKeypad}
        </button>
        <button type="button" className="cvw-button cvw-danger" onClick={onEnd}>{t.endCall}</button>
      </div>
      {keypad && <DtmfKeypad t={t} onDigit={onDigit} />}
    </section>
  );
}

/** Captions of the flow's prompts, newest last. */
export function Captions({ t, captions }: { t: Strings; captions: Caption[] }) {
  if (captions.length === 0) return null;
  return (
    <section className="cvw-captions" aria-label={t.captions}>
      <ol>
        {captions.slice(-3).map((c) => (
          <li key={c.id}>{c.text}</li>
        ))}
      </ol>
    </section>
  );
}
