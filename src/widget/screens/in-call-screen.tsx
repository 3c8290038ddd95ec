/**
 * In call: the agent's name, the call timer (call time: from the agent's connect), network quality,
 * notices (screen sharing allowed is announced, not only shown), the stage and the control bar.
 */
import { useEffect, useRef, useState } from 'react';
import type { CallEngine } from '../../call-engine/call-engine-api';
import {
  deviceState,
  effectsState,
  isSharing,
  networkQuality,
} from '../../call-engine/call-selectors';
import { useCallSnapshot } from '../../call-engine/use-call-snapshot';
import type { AllowedCapabilities } from '../../shared/connect-schemas';
import { formatDuration } from '../../shared/format-duration';
import type { Strings } from '../strings/strings';
import { DevicePickers } from '../ui/device-pickers';
import { EffectSettings } from '../ui/effect-settings';
import { DtmfKeypad } from '../ui/dtmf-keypad';
import { useNow } from '../ui/use-now';
import { CallBanners } from './call-banners';
import { CallControls } from './call-controls';
import { CallStage } from './call-stage';
import { deviceFailureOf, type DeviceFailure, type FailedDevice } from './device-failure';
import { screenShareEnabled } from './screen-share-gate';
import { screenCaptureAvailable } from '../browser-support';

/** What the in-call screen needs beyond the engine's snapshot. */
export interface InCallProps {
  t: Strings;
  engine: CallEngine;
  capabilities: AllowedCapabilities;
  agentName: string;
  selfName?: string;
  /** Names of the people the agent added, by participant id. */
  people?: Record<string, string>;
  connectedAt: number;
  onDigit: (digit: string) => Promise<void>;
  onEnd: () => void;
  typed?: { digit: string; ok: boolean; n: number } | null;
  /** The browser can capture a screen (default: `getDisplayMedia` exists). */
  screenCapture?: boolean;
  /** The site's own background image, offered next to the built-in ones. */
  siteBackground?: string;
  /** Pops the call out (picture-in-picture); absent where the browser cannot. */
  onPopOut?: (() => void) | undefined;
}

/** Whole seconds of call time at `now` (the timer and the ended screen use the same rule). */
export function callSeconds(connectedAt: number, now: number): number {
  return Math.max(0, Math.floor((now - connectedAt) / 1000));
}

/** The call time, ticking by itself: the screen around it does not render every second. */
function CallTimer({ t, connectedAt }: { t: Strings; connectedAt: number }) {
  const now = useNow(connectedAt);
  return (
    <span className="cvw-timer" data-testid="call-timer">
      {t.callTime(formatDuration(callSeconds(connectedAt, now)))}
    </span>
  );
}

/** The call: stage, notices, controls and the devices drawer. */
export function InCallScreen({
  t,
  engine,
  capabilities,
  agentName,
  selfName,
  people,
  connectedAt,
  onDigit,
  onEnd,
  typed,
  screenCapture = screenCaptureAvailable(),
  siteBackground,
  onPopOut,
}: InCallProps) {
  // The header and the drawer's slices; the banners, the stage and the controls select their own.
  const network = useCallSnapshot(engine, networkQuality);
  const sharing = useCallSnapshot(engine, isSharing);
  const shareEnabled = useCallSnapshot(engine, screenShareEnabled);
  const devs = useCallSnapshot(engine, deviceState);
  const effects = useCallSnapshot(engine, effectsState);
  const [keypad, setKeypad] = useState(false);
  const [devices, setDevices] = useState(false);
  const [shareError, setShareError] = useState(false);
  const [deviceFailure, setDeviceFailure] = useState<DeviceFailure | null>(null);
  /** Runs a device command; a failure is told to the customer (and logged), a success clears it. */
  const tryDevice = (device: FailedDevice, command: () => Promise<void>) => {
    setDeviceFailure(null);
    command().catch((e: unknown) => setDeviceFailure(deviceFailureOf(device, e)));
  };
  const [shareAllowedNotice, setShareAllowedNotice] = useState(false);
  const wasEnabled = useRef(shareEnabled);
  useEffect(() => {
    if (shareEnabled !== wasEnabled.current) setShareAllowedNotice(shareEnabled);
    wasEnabled.current = shareEnabled;
  }, [shareEnabled]);
  // No Share screen where the browser cannot capture one (iOS, Android): no button, no error.
  const canShare = capabilities.Customer?.ScreenShare === 'SEND' && screenCapture;
  const name = agentName || t.agent;
  const share = () => {
    setShareError(false);
    setShareAllowedNotice(false);
    engine.startScreenShare().catch((e: unknown) => {
      console.warn('<connect-video-call>: screen sharing did not start', e);
      setShareError(true);
    });
  };
  return (
    <section className="cvw-screen cvw-incall" aria-labelledby="cvw-incall-title">
      <div className="cvw-screen-head cvw-incall-head">
        <h3 id="cvw-incall-title" className="cvw-screen-title" data-testid="agent-name">
          {t.inCallTitle(name)}
        </h3>
        <CallTimer t={t} connectedAt={connectedAt} />
        <span className={`cvw-network cvw-network-${network}`} data-testid="network">
          {network === 'good' ? t.networkGood : t.networkPoor}
        </span>
      </div>
      <CallBanners t={t} engine={engine} shareError={shareError} deviceFailure={deviceFailure} />
      <p
        className="cvw-banner cvw-notice"
        role="status"
        data-testid="share-allowed"
        hidden={!(canShare && shareAllowedNotice && !sharing)}
      >
        {canShare && shareAllowedNotice && !sharing ? t.shareAllowed : ''}
      </p>
      <CallStage
        t={t}
        engine={engine}
        agentName={name}
        selfName={selfName ?? ''}
        people={people}
        showContent={capabilities.Agent?.ScreenShare === 'SEND'}
      />
      {(keypad || devices) && (
        <div className="cvw-drawer">
          {keypad && <DtmfKeypad t={t} onDigit={onDigit} typed={typed} />}
          {devices && (
            <DevicePickers
              t={t}
              cameras={capabilities.Customer?.Video === 'SEND' ? devs.cameras : undefined}
              microphones={devs.microphones}
              speakers={devs.speakerSelectable ? devs.speakers : undefined}
              camera={devs.camera}
              microphone={devs.microphone}
              speaker={devs.speaker}
              onCamera={(id) => tryDevice('camera', () => engine.chooseCamera(id))}
              onMicrophone={(id) => tryDevice('microphone', () => engine.chooseMicrophone(id))}
              onSpeaker={(id) => tryDevice('speaker', () => engine.chooseSpeaker(id))}
            />
          )}
          {devices && (
            <EffectSettings
              t={t}
              noiseSuppression={{
                on: effects.noiseSuppression !== 'off',
                state: effects.noiseSuppression,
              }}
              onNoiseSuppression={(on) =>
                tryDevice('microphone', () => engine.setNoiseSuppression(on))
              }
              {...(capabilities.Customer?.Video === 'SEND'
                ? {
                    background: {
                      effect: effects.background,
                      state: effects.backgroundState,
                    },
                    onBackground: (b) => tryDevice('camera', () => engine.setBackground(b)),
                  }
                : {})}
              {...(siteBackground ? { siteImage: siteBackground } : {})}
            />
          )}
        </div>
      )}
      <CallControls
        t={t}
        engine={engine}
        canVideo={capabilities.Customer?.Video === 'SEND'}
        canShare={canShare}
        shareEnabled={shareEnabled}
        keypadOpen={keypad}
        devicesOpen={devices}
        onCamera={(on) => tryDevice('camera', () => engine.setCameraOn(on))}
        onShare={share}
        onKeypad={() => setKeypad((k) => !k)}
        onDevices={() => setDevices((d) => !d)}
        onEnd={onEnd}
        onPopOut={onPopOut}
      />
    </section>
  );
}
