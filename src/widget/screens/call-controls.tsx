/**
 * The in-call control bar: icon + label toggles whose icon and name flip with the state (Mute /
 * Unmute, Stop video / Start video), Share screen (gated by the agent), keypad and devices (folded
 * into More on narrow screens), Pop out where the browser has Document Picture-in-Picture (in More
 * too), and End, red and last. Controls the capabilities forbid are absent.
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
import type { CallEngine } from '../../call-engine/call-engine-api';
import { isCameraOn, isMuted, isSharing } from '../../call-engine/call-selectors';
import { useCallSnapshot } from '../../call-engine/use-call-snapshot';
import type { Strings } from '../strings/strings';
import { IconButton } from '../ui/icon-button';
import { useNarrow } from '../ui/use-narrow';

/** What the control bar needs: the engine, what is allowed, and its handlers. */
export interface ControlsProps {
  t: Strings;
  /** The call whose mute, camera and sharing state the toggles show (Mute acts on it directly). */
  engine: CallEngine;
  canVideo: boolean;
  canShare: boolean;
  /** The agent has enabled customer screen sharing. */
  shareEnabled: boolean;
  keypadOpen: boolean;
  devicesOpen: boolean;
  /** Turns the camera on (true) or off. */
  onCamera: (on: boolean) => void;
  onShare: () => void;
  onKeypad: () => void;
  onDevices: () => void;
  onEnd: () => void;
  /** Pops the call out into a picture-in-picture window (absent where the browser cannot). */
  onPopOut?: (() => void) | undefined;
}

/**
 * The call's control bar: Mute, Video, Share, Keypad, Devices, Pop out, End (the rest in More on
 * narrow widths).
 */
export function CallControls(p: ControlsProps) {
  const shareHint = useId();
  const moreId = useId();
  const narrow = useNarrow();
  const [more, setMore] = useState(false);
  const { t } = p;
  const muted = useCallSnapshot(p.engine, isMuted);
  const cameraOn = useCallSnapshot(p.engine, isCameraOn);
  const sharing = useCallSnapshot(p.engine, isSharing);
  const extras = (
    <>
      <IconButton
        icon={Grid3x3}
        label={t.keypad}
        aria-expanded={p.keypadOpen}
        onClick={() => {
          setMore(false);
          p.onKeypad();
        }}
      />
      <IconButton
        icon={Settings}
        label={t.settings}
        aria-expanded={p.devicesOpen}
        onClick={() => {
          setMore(false);
          p.onDevices();
        }}
      />
      {p.onPopOut && (
        <IconButton
          icon={PictureInPicture2}
          label={t.popOut}
          data-cvw-popout=""
          onClick={() => {
            setMore(false);
            p.onPopOut?.();
          }}
        />
      )}
    </>
  );
  return (
    <div className="cvw-controls" role="toolbar" aria-label={t.dialogTitle}>
      <IconButton
        icon={muted ? MicOff : Mic}
        label={muted ? t.unmute : t.mute}
        off={muted}
        onClick={() => p.engine.setMuted(!muted)}
      />
      {p.canVideo && (
        <IconButton
          icon={cameraOn ? Video : VideoOff}
          label={cameraOn ? t.stopVideo : t.startVideo}
          off={!cameraOn}
          onClick={() => p.onCamera(!cameraOn)}
        />
      )}
      {p.canShare && !sharing && (
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
