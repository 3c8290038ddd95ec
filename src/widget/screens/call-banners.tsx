/**
 * The in-call notices: reconnecting, audio blocked by autoplay (with "Start audio"), a lost device,
 * a device that could not start or switch, a failed screen share, and the clear "you are sharing"
 * state with one-click stop.
 */
import type { CallEngine } from '../../call-engine/call-engine-api';
import {
  isAudioBlocked,
  isSharing,
  lostDevice,
  statusKind,
} from '../../call-engine/call-selectors';
import { useCallSnapshot } from '../../call-engine/use-call-snapshot';
import type { Strings } from '../strings/strings';
import { deviceFailureText, type DeviceFailure } from './device-failure';

/** What the in-call notices need beyond the engine's snapshot. */
export interface BannersProps {
  t: Strings;
  engine: CallEngine;
  shareError: boolean;
  /** The last device command that failed (null once one succeeded). */
  deviceFailure?: DeviceFailure | null;
}

/** The in-call notices: reconnecting, audio blocked, a lost device, a failed share. */
export function CallBanners({ t, engine, shareError, deviceFailure }: BannersProps) {
  const status = useCallSnapshot(engine, statusKind);
  const audioBlocked = useCallSnapshot(engine, isAudioBlocked);
  const lost = useCallSnapshot(engine, lostDevice);
  const sharing = useCallSnapshot(engine, isSharing);
  return (
    <>
      {status === 'reconnecting' && (
        <p className="cvw-banner cvw-warn" role="alert" data-testid="reconnecting">
          {t.reconnecting}
        </p>
      )}
      {audioBlocked && (
        <div className="cvw-banner" role="alert">
          <span>{t.audioBlocked}</span>
          <button
            type="button"
            className="cvw-button cvw-primary"
            onClick={() => void engine.startAudio()}
          >
            {t.startAudio}
          </button>
        </div>
      )}
      {lost && (
        <p className="cvw-banner cvw-warn" role="alert" data-testid="device-lost">
          {lost === 'camera' ? t.deviceLostCamera : t.deviceLostMicrophone}
        </p>
      )}
      {deviceFailure && (
        <p className="cvw-banner cvw-warn" role="alert" data-testid="device-failure">
          {deviceFailureText(t, deviceFailure)}
        </p>
      )}
      {shareError && (
        <p className="cvw-banner cvw-warn" role="alert">
          {t.shareFailed}
        </p>
      )}
      {sharing && (
        <div className="cvw-banner cvw-sharing" role="status" data-testid="sharing-banner">
          <span>{t.youAreSharing}</span>
          <button
            type="button"
            className="cvw-button cvw-danger"
            onClick={() => engine.stopScreenShare()}
          >
            {t.stopSharing}
          </button>
        </div>
      )}
    </>
  );
}
