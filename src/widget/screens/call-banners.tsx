/**
 * The in-call notices: reconnecting, audio blocked by autoplay (with "Start audio"), a lost device,
 * a device that could not start or switch, a failed screen share, and the clear "you are sharing"
 * state with one-click stop.
 */
import type { CallEngine } from '../../call-engine/call-engine-api';
import type { CallSnapshot } from '../../call-engine/call-types';
import type { Strings } from '../strings/strings';
import { deviceFailureText, type DeviceFailure } from './device-failure';

export interface BannersProps {
  t: Strings;
  snap: CallSnapshot;
  engine: CallEngine;
  shareError: boolean;
  /** The last device command that failed (null once one succeeded). */
  deviceFailure?: DeviceFailure | null;
}

export function CallBanners({ t, snap, engine, shareError, deviceFailure }: BannersProps) {
  return (
    <>
      {snap.status.kind === 'reconnecting' && (
        <p className="cvw-banner cvw-warn" role="alert" data-testid="reconnecting">
          {t.reconnecting}
        </p>
      )}
      {snap.audioBlocked && (
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
      {snap.devices.lost && (
        <p className="cvw-banner cvw-warn" role="alert" data-testid="device-lost">
          {snap.devices.lost === 'camera' ? t.deviceLostCamera : t.deviceLostMicrophone}
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
      {snap.sharing && (
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
