/**
 * In call: the agent's video large (or their screen share, with full screen), the customer's
 * self-view small and mirrored, the agent's name, the call timer, network quality, banners and controls.
 */
import { useRef, useState } from 'react';
import type { CallEngine } from '../../call-engine/call-engine-api';
import { localVideoTile, remoteContentTile, remoteVideoTile, secondsInCall } from '../../call-engine/call-selectors';
import type { CallSnapshot } from '../../call-engine/call-types';
import { sameIgnoringMessages, useCallSnapshot, wholeSnapshot } from '../../call-engine/use-call-engine';
import type { AllowedCapabilities } from '../../shared/connect-schemas';
import { formatDuration, type Strings } from '../strings/strings';
import { DevicePickers } from '../ui/device-pickers';
import { DtmfKeypad } from '../ui/dtmf-keypad';
import { useNow } from '../ui/use-now';
import { VideoTile } from '../ui/video-tile';
import { CallBanners } from './call-banners';
import { CallControls } from './call-controls';
import { screenShareEnabled } from './screen-share-gate';

export interface InCallProps {
  t: Strings;
  engine: CallEngine;
  capabilities: AllowedCapabilities;
  agentName: string;
  connectedAt: number;
  onDigit: (digit: string) => Promise<void>;
  onEnd: () => void;
}

/** This screen reads the data messages only for whether the agent allows screen sharing. */
const sameScreen = (a: CallSnapshot, b: CallSnapshot) => sameIgnoringMessages(a, b) && screenShareEnabled(a) === screenShareEnabled(b);

export function InCallScreen({ t, engine, capabilities, agentName, connectedAt, onDigit, onEnd }: InCallProps) {
  const snap = useCallSnapshot(engine, wholeSnapshot, sameScreen);
  const now = useNow();
  const [keypad, setKeypad] = useState(false);
  const [devices, setDevices] = useState(false);
  const [shareError, setShareError] = useState(false);
  const contentRef = useRef<HTMLDivElement>(null);
  const remote = remoteVideoTile(snap);
  const self = localVideoTile(snap);
  const content = capabilities.Agent?.ScreenShare === 'SEND' ? remoteContentTile(snap) : undefined;
  const name = agentName || t.agent;
  const seconds = Math.max(secondsInCall(snap, now), Math.floor((now - connectedAt) / 1000));
  const share = () => {
    setShareError(false);
    engine.startScreenShare().catch(() => setShareError(true));
  };
  return (
    <section className="cvw-screen cvw-incall" aria-labelledby="cvw-incall-title">
      <header className="cvw-incall-head">
        <h3 id="cvw-incall-title" className="cvw-screen-title" data-testid="agent-name">{t.inCallTitle(name)}</h3>
        <span className="cvw-timer" data-testid="call-timer">{t.callTime(formatDuration(seconds))}</span>
        <span className={`cvw-network cvw-network-${snap.network}`} data-testid="network">{snap.network === 'good' ? t.networkGood : t.networkPoor}</span>
      </header>
      <CallBanners t={t} snap={snap} engine={engine} shareError={shareError} />
      {content && (
        <div className="cvw-content" ref={contentRef}>
          <VideoTile engine={engine} tileId={content.tileId} label={t.agentScreen(name)} className="cvw-content-video" testId="agent-screen" />
          <button type="button" className="cvw-button" onClick={() => void contentRef.current?.requestFullscreen?.()}>{t.fullScreen}</button>
        </div>
      )}
      <div className="cvw-stage">
        {remote ? <VideoTile engine={engine} tileId={remote.tileId} label={t.agentVideo(name)} className="cvw-remote" testId="agent-video" /> : <div className="cvw-remote cvw-placeholder" aria-hidden="true">{name.slice(0, 1)}</div>}
        {self && snap.cameraOn && <VideoTile engine={engine} tileId={self.tileId} label={t.selfView} className="cvw-self" mirrored testId="self-view" />}
      </div>
      <CallControls
        t={t}
        snap={snap}
        canVideo={capabilities.Customer?.Video === 'SEND'}
        canShare={capabilities.Customer?.ScreenShare === 'SEND'}
        shareEnabled={screenShareEnabled(snap)}
        keypadOpen={keypad}
        devicesOpen={devices}
        onMute={() => engine.setMuted(!snap.muted)}
        onCamera={() => void engine.setCameraOn(!snap.cameraOn).catch(() => undefined)}
        onShare={share}
        onKeypad={() => setKeypad((k) => !k)}
        onDevices={() => setDevices((d) => !d)}
        onEnd={onEnd}
      />
      {keypad && <DtmfKeypad t={t} onDigit={onDigit} />}
      {devices && (
        <DevicePickers
          t={t}
          cameras={capabilities.Customer?.Video === 'SEND' ? snap.devices.cameras : undefined}
          microphones={snap.devices.microphones}
          speakers={snap.devices.speakerSelectable ? snap.devices.speakers : undefined}
          camera={snap.devices.camera}
          microphone={snap.devices.microphone}
          speaker={snap.devices.speaker}
          onCamera={(id) => void engine.chooseCamera(id).catch(() => undefined)}
          onMicrophone={(id) => void engine.chooseMicrophone(id).catch(() => undefined)}
          onSpeaker={(id) => void engine.chooseSpeaker(id).catch(() => undefined)}
        />
      )}
    </section>
  );
}
