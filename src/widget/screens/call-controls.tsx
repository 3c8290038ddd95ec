/**
 * The in-call control bar: icon + label toggles whose icon and name flip with the state (Mute /
 * Unmute, Stop video / Start video), Share screen (gated by the agent), keypad and devices (folded
 * into More on narrow screens), Pop out where the browser has Document Picture-in-Picture (in More too),
 * and End, red and last. Controls the capabilities forbid are absent.
 */
import { useId, useState } from 'react';
import {
  Grid3x3,
  Ellipsis,
  Mic,
  MicOff,
  MonitorUp,
  PictureInPicture2,
  PhoneOff,
  Settings,
  Video,
  VideoOff,
} from 'lucide-react';
import type { CallSnapshot } from '../../call-engine/call-types';
import type { Strings } from '../strings/strings';
import { IconButton } from '../ui/icon-button';
import { useNarrow } from '../ui/use-narrow';

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
  /** Pops the call out into a picture-in-picture window (absent where the browser cannot). */
  onPopOut?: (() => void) | undefined;
}

export function CallControls(p: ControlsProps) {
  const shareHint = useId();
  const moreId = useId();
  const narrow = useNarrow();
  const [more, setMore] = useState(false);
  const { t, snap } = p;
  const extras = (
    <>
      <IconButton
        icon={Grid3x3}
        label={t.keypad}
        aria-expanded={p.keypadOpen}
        onClick={() => (setMore(false), p.onKeypad())}
      />
      <IconButton
        icon={Settings}
        label={t.settings}
        aria-expanded={p.devicesOpen}
        onClick={() => (setMore(false), p.onDevices())}
      />
      {p.onPopOut && (
        <IconButton
          icon={PictureInPicture2}
          label={t.popOut}
          data-cvw-popout=""
          onClick={() => (setMore(false), p.onPopOut?.())}
        />
      )}
    </>
  );
  return (
    <div className="cvw-controls" role="toolbar" aria-label={t.dialogTitle}>
      <IconButton
        icon={snap.muted ? MicOff : Mic}
        label={snap.muted ? t.unmute : t.mute}
        off={snap.muted}
        onClick={p.onMute}
      />
      {p.canVideo && (
        <IconButton
          icon={snap.cameraOn ? Video : VideoOff}
          label={snap.cameraOn ? t.stopVideo : t.startVideo}
          off={!snap.cameraOn}
          onClick={p.onCamera}
        />
      )}
      {p.canShare && !snap.sharing && (
        <>
          <IconButton
            icon={MonitorUp}
            label={t.shareScreen}
            aria-disabled={!p.shareEnabled}
            aria-describedby={p.shareEnabled ? undefined : shareHint}
            onClick={() => p.shareEnabled && p.onShare()}
          />
          {!p.shareEnabled && (
            <span id={shareHint} className="cvw-sr-only">
              {t.shareScreenDisabled}
            </span>
          )}
        </>
      )}
      {narrow ? (
        <div className="cvw-more">
          <IconButton
            icon={Ellipsis}
            label={t.more}
            aria-expanded={more}
            aria-controls={moreId}
            onClick={() => setMore((m) => !m)}
          />
          <div id={moreId} className="cvw-more-list" hidden={!more}>
            {extras}
          </div>
        </div>
      ) : (
        extras
      )}
      <IconButton icon={PhoneOff} label={t.endCall} tone="danger" onClick={p.onEnd} />
    </div>
  );
}
