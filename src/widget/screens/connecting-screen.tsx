/**
 * Waiting, designed: where the contact is (flow, or the named queue) and the time waiting, the
 * self-preview, the flow's prompts as captions (latest first), and the keypad, which opens by
 * itself while the flow waits for an answer (number keys work too).
 */
import { useState } from 'react';
import { Grid3x3, PhoneOff } from 'lucide-react';
import type { CallEngine } from '../../call-engine/call-engine-api';
import { selfView } from '../../call-engine/call-selectors';
import { equalData, useCallSnapshot } from '../../call-engine/use-call-snapshot';
import type { Caption, SessionPhase } from '../call-session-types';
import { formatDuration } from '../../shared/format-duration';
import type { Strings } from '../strings/strings';
import { DtmfKeypad } from '../ui/dtmf-keypad';
import { IconButton } from '../ui/icon-button';
import { Tile } from '../ui/tile';
import { useNow } from '../ui/use-now';
import { CallBanners } from './call-banners';

/** What the connecting screen shows: the phase, captions, the keypad. */
export interface ConnectingProps {
  t: Strings;
  phase: Extract<SessionPhase, { phase: 'connecting' }>;
  captions: Caption[];
  onDigit: (digit: string) => Promise<void>;
  onEnd: () => void;
  /**
   * The joined (or joining) meeting, for the self-preview and its notices (blocked audio, lost
   * device).
   */
  engine?: CallEngine | null;
  selfName?: string;
  /** The last digit typed on the keyboard (shown in the keypad's note). */
  typed?: { digit: string; ok: boolean; n: number } | null;
}

/** The status line of the connecting screen (also announced in the live region). */
export function connectingStatus(t: Strings, phase: ConnectingProps['phase']): string {
  if (phase.flowState === 'queued') return phase.queueName ? t.queuedIn(phase.queueName) : t.queued;
  return t.inFlow;
}

/**
 * While the flow runs and the contact queues: the preview, the queue, the captions and the keypad.
 */
export function ConnectingScreen({
  t,
  phase,
  captions,
  onDigit,
  onEnd,
  engine,
  selfName,
  typed,
}: ConnectingProps) {
  const now = useNow(phase.startedAt);
  const self = useCallSnapshot(engine, selfView, equalData);
  // The flow is waiting for an answer while it runs and has prompted: the keypad opens by itself.
  const waitsForInput = phase.flowState === 'in-flow' && captions.length > 0;
  const [choice, setChoice] = useState<boolean | null>(null);
  const keypad = choice ?? waitsForInput;
  return (
    <section className="cvw-screen cvw-connecting" aria-labelledby="cvw-connecting-title">
      <div className="cvw-screen-head">
        <h3 id="cvw-connecting-title" className="cvw-screen-title">
          {t.connectingTitle}
        </h3>
        <p className="cvw-status-line">{connectingStatus(t, phase)}</p>
        <p className="cvw-timer" data-testid="waiting-time">
          {t.waitingFor(formatDuration((now - phase.startedAt) / 1000))}
        </p>
      </div>
      {engine && <CallBanners t={t} engine={engine} shareError={false} />}
      <div className="cvw-stage">
        <Tile
          t={t}
          engine={engine ?? null}
          tileId={self.tileId}
          name={selfName || t.you}
          videoLabel={t.selfView}
          muted={self.muted}
          kind="main"
          mirrored
          testId="self-view"
          mutedLabel={t.youMuted}
        />
        <Captions t={t} captions={captions} />
      </div>
      {keypad && <DtmfKeypad t={t} onDigit={onDigit} typed={typed} />}
      <div className="cvw-controls" role="toolbar" aria-label={t.dialogTitle}>
        <IconButton
          icon={Grid3x3}
          label={keypad ? t.hideKeypad : t.showKeypad}
          aria-expanded={keypad}
          onClick={() => setChoice(!keypad)}
        />
        <IconButton icon={PhoneOff} label={t.endCall} tone="danger" onClick={onEnd} />
      </div>
    </section>
  );
}

/** Captions of the flow's prompts, latest first; older ones fade. */
function Captions({ t, captions }: { t: Strings; captions: Caption[] }) {
  if (captions.length === 0) return null;
  return (
    <section className="cvw-captions" aria-label={t.captions}>
      <ol>
        {captions
          .slice(-3)
          .reverse()
          .map((c) => (
            <li key={c.id}>{c.text}</li>
          ))}
      </ol>
    </section>
  );
}
