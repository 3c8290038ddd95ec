/**
 * In call: the agent's name, the call timer (call time: from the agent's connect), network quality,
 * notices (screen sharing allowed is announced, not only shown), the stage and the control bar.
 */
import { useEffect, useRef, useState } from 'react';
import type { CallEngine } from '../../call-engine/call-engine-api';
import type { CallSnapshot } from '../../call-engine/call-types';
import {
  sameIgnoringMessages,
  useCallSnapshot,
  wholeSnapshot,
} from '../../call-engine/use-call-snapshot';
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

/** This screen reads the data messages only for whether the agent allows screen sharing. */
const sameScreen = (a: CallSnapshot, b: CallSnapshot) =>
  sameIgnoringMessages(a, b) && screenShareEnabled(a) === screenShareEnabled(b);

/** Whole seconds of call time at `now` (the timer and the ended screen use the same rule). */
export function callSeconds(connectedAt: number, now: number): number {
  return Math.max(0, Math.floor((now - connectedAt) / 1000));
}

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
  const snap = useCallSnapshot(engine, wholeSnapshot, sameScreen);
  const now = useNow(connectedAt);
  const [keypad, setKeypad] = useState(false);
  const [devices, setDevices] = useState(false);
  const [shareError, setShareError] = useState(false);
  const [deviceFailure, setDeviceFailure] = useState<DeviceFailure | null>(null);
  /** Runs a device command; a failure is told to the customer (and logged), a success clears it. */
  const tryDevice = (device: FailedDevice, command: () => Promise<void>) => {
    setDeviceFailure(null);
    command().catch((e: unknown) => setDeviceFailure(deviceFailureOf(device, e)));
  };
  const shareEnabled = screenShareEnabled(snap);
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
        <span className="cvw-timer" data-testid="call-timer">
          {t.callTime(formatDuration(callSeconds(connectedAt, now)))}
        </span>
        <span className={`cvw-network cvw-network-${snap.network}`} data-testid="network">
          {snap.network === 'good' ? t.networkGood : t.networkPoor}
        </span>
      </div>
      <CallBanners
        t={t}
        snap={snap}
        engine={engine}
        shareError={shareError}
        deviceFailure={deviceFailure}
      />
      <p
        className="cvw-banner cvw-notice"
        role="status"
        data-testid="share-allowed"
        hidden={!(canShare && shareAllowedNotice && !snap.sharing)}
      >
        {canShare && shareAllowedNotice && !snap.sharing ? t.shareAllowed : ''}
      </p>
      <CallStage
        t={t}
        engine={engine}
        snap={snap}
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
              cameras={capabilities.Customer?.Video === 'SEND' ? snap.devices.cameras : undefined}
              microphones={snap.devices.microphones}
              speakers={snap.devices.speakerSelectable ? snap.devices.speakers : undefined}
              camera={snap.devices.camera}
              microphone={snap.devices.microphone}
              speaker={snap.devices.speaker}
              onCamera={(id) => tryDevice('camera', () => engine.chooseCamera(id))}
              onMicrophone={(id) => tryDevice('microphone', () => engine.chooseMicrophone(id))}
              onSpeaker={(id) => tryDevice('speaker', () => engine.chooseSpeaker(id))}
            />
          )}
          {devices && (
            <EffectSettings
              t={t}
              noiseSuppression={{
                on: snap.effects.noiseSuppression !== 'off',
                state: snap.effects.noiseSuppression,
              }}
              onNoiseSuppression={(on) =>
                tryDevice('microphone', () => engine.setNoiseSuppression(on))
              }
              {...(capabilities.Customer?.Video === 'SEND'
                ? {
                    background: {
                      effect: snap.effects.background,
                      state: snap.effects.backgroundState,
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
        snap={snap}
        canVideo={capabilities.Customer?.Video === 'SEND'}
        canShare={canShare}
        shareEnabled={shareEnabled}
        keypadOpen={keypad}
        devicesOpen={devices}
        onMute={() => engine.setMuted(!snap.muted)}
        onCamera={() => tryDevice('camera', () => engine.setCameraOn(!snap.cameraOn))}
        onShare={share}
        onKeypad={() => setKeypad((k) => !k)}
        onDevices={() => setDevices((d) => !d)}
        onEnd={onEnd}
        onPopOut={onPopOut}
      />
    </section>
  );
}
