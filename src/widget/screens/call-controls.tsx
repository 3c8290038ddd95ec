/**
 * The in-call control bar: Mute and Camera as aria-pressed toggles, Share screen (gated by the agent),
 * keypad and devices disclosures, End call. Controls not allowed by the capabilities are not rendered.
 */
import { useId } from 'react';
import type { CallSnapshot } from '../../call-engine/call-types';
import type { Strings } from '../strings/strings';

export interface ControlsProps {
  t: Strings;
  snap: CallSnapshot;
  canVideo: boolean;
  canShare: boolean;
  /** The agent has enabled customer screen sharing. */
  shareEnabled: boolean;
  keypadOpen: boolean;
  devicesOpen: boolean;
  onMute: () => void;
  onCamera: () => void;
  onShare: () => void;
  onKeypad: () => void;
  onDevices: () => void;
  onEnd: () => void;
}

export function CallControls(p: ControlsProps) {
  const shareHint = useId();
  const { t, snap } = p;
  return (
    <div className="cvw-controls" role="toolbar" aria-label={t.dialogTitle}>
      <button type="button" className="cvw-toggle" aria-pressed={snap.muted} onClick={p.onMute}>{t.mute}</button>
      {p.canVideo && (
        <button type="button" className="cvw-toggle" aria-pressed={snap.cameraOn} onClick={p.onCamera}>{t.cameraOnOff}</button>
      )}
      {p.canShare && !snap.sharing && (
        <>
          <button type="button" className="cvw-button" aria-disabled={!p.shareEnabled} aria-describedby={p.shareEnabled ? undefined : shareHint} onClick={() => p.shareEnabled && p.onShare()}>
            {t.shareScreen}
          </button>
          {!p.shareEnabled && <span id={shareHint} className="cvw-sr-only">{t.shareScreenDisabled}</span>}
        </>
      )}
      <button type="button" className="cvw-button" aria-expanded={p.keypadOpen} onClick={p.onKeypad}>{t.keypad}</button>
      <button type="button" className="cvw-button" aria-expanded={p.devicesOpen} onClick={p.onDevices}>{t.settings}</button>
      <button type="button" className="cvw-button cvw-danger" onClick={p.onEnd}>{t.endCall}</button>
    </div>
  );
}
