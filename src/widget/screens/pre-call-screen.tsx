/**
 * Pre-join is the preview: a large mirrored camera preview with the microphone (level meter built
 * in) and camera toggles on it, device pickers behind a settings button, and the name and Join in a
 * footer that never scrolls away. Name and devices are remembered on this device. A browser that
 * cannot call (browser-support.ts) gets, in the footer's place, what to do instead of Join.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Settings, Video, VideoOff } from 'lucide-react';
import type { AllowedCapabilities } from '../../shared/connect-schemas';
import type { JoinChoice } from '../call-session-types';
import type { Strings } from '../strings/strings';
import { Avatar } from '../ui/avatar';
import { DevicePickers } from '../ui/device-pickers';
import { EffectSettings } from '../ui/effect-settings';
import { noiseSuppressionSupported } from '../../call-engine/effects/noise-suppression';
import { backgroundEffectsSupported } from '../../call-engine/effects/effect-support';
import { usePreviewBackground } from './use-preview-background';
import type { BackgroundEffect } from '../../call-engine/call-types';
import { IconButton } from '../ui/icon-button';
import { MicLevelButton } from '../ui/mic-level-button';
import { PermissionHelp } from '../ui/permission-help';
import { loadChoices, saveChoices } from '../ui/remembered-choices';
import { effectiveDevice, useMediaPreview } from './use-media-preview';
import type { BrowserProblem } from '../browser-support';

/** The entry point, the preview and the devices before a call. */
export interface PreCallProps {
  t: Strings;
  capabilities: AllowedCapabilities | undefined;
  displayName?: string;
  onJoin: (choice: JoinChoice) => void;
  /** Why this browser cannot call (no Join then), or null. */
  problem?: BrowserProblem | null;
  /** The site's own background image, offered next to the built-in ones. */
  siteBackground?: string;
}

/** The customer-facing sentence for a browser problem: what is wrong and what to do. */
export function problemText(t: Strings, problem: BrowserProblem): string {
  if (problem === 'insecure-origin') return t.unsupportedInsecure;
  if (problem === 'no-media-devices') return t.unsupportedNoMedia;
  return t.unsupportedNoWebRtc;
}

/** Before a call: the camera preview, devices, name, and Join. */
export function PreCallScreen({
  t,
  capabilities,
  displayName,
  onJoin,
  problem = null,
  siteBackground,
}: PreCallProps) {
  const mayVideo = capabilities?.Customer?.Video === 'SEND';
  const [remembered] = useState(loadChoices);
  const [name, setName] = useState(displayName ?? remembered.displayName ?? '');
  const [nameError, setNameError] = useState(false);
  const [video, setVideo] = useState(remembered.video ?? true);
  const [muted, setMuted] = useState(false);
  const [settings, setSettings] = useState(false);
  const [camera, setCamera] = useState<string | null>(remembered.camera ?? null);
  const [microphone, setMicrophone] = useState<string | null>(remembered.microphone ?? null);
  const [speaker, setSpeaker] = useState<string | null>(remembered.speaker ?? null);
  const [suppressionSupported] = useState(() => noiseSuppressionSupported());
  const [noiseSuppression, setNoiseSuppression] = useState(remembered.noiseSuppression ?? true);
  const [background, setBackground] = useState<BackgroundEffect>({ kind: 'none' });
  const [backgroundSupported] = useState(() => backgroundEffectsSupported());
  const showVideo = video && mayVideo;
  // Without camera access there is nothing to preview; without WebRTC the preview still works.
  const canPreview = problem === null || problem === 'no-webrtc';
  const { preview, error, devices, retry } = useMediaPreview(
    showVideo,
    camera,
    microphone,
    canPreview,
  );
  const processed = usePreviewBackground(
    showVideo ? (preview?.stream ?? null) : null,
    background,
    backgroundSupported,
  );
  const shown = processed.stream ?? preview?.stream ?? null;
  const videoRef = useRef<HTMLVideoElement>(null);
  const nameId = useId();
  const nameErrId = useId();
  const settingsId = useId();
  useEffect(() => {
    if (videoRef.current) videoRef.current.srcObject = shown;
  }, [shown, showVideo]);
  const chosen = {
    camera: effectiveDevice(camera, devices.cameras),
    microphone: effectiveDevice(microphone, devices.microphones),
    speaker: effectiveDevice(speaker, devices.speakers),
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setNameError(true);
    preview?.stop(); // release the preview before the call acquires the devices
    saveChoices({
      ...(displayName ? {} : { displayName: name.trim() }),
      video,
      ...(chosen.camera ? { camera: chosen.camera } : {}),
      ...(chosen.microphone ? { microphone: chosen.microphone } : {}),
      ...(speaker ? { speaker } : {}),
      noiseSuppression,
    });
    onJoin({
      displayName: name.trim(),
      video: showVideo,
      muted,
      camera: chosen.camera,
      microphone: chosen.microphone,
      speaker,
      noiseSuppression,
      background,
    });
  };
  return (
    <form
      className="cvw-screen cvw-precall"
      onSubmit={submit}
      noValidate
      aria-labelledby="cvw-precall-title"
    >
      <h3 id="cvw-precall-title" className="cvw-screen-title">
        {t.preCallTitle}
      </h3>
      <div className="cvw-stage cvw-preview-stage">
        {showVideo && canPreview ? (
          <video
            ref={videoRef}
            className="cvw-preview cvw-mirrored"
            aria-label={t.cameraPreview}
            data-testid="camera-preview"
            autoPlay
            playsInline
            muted
          />
        ) : (
          <div className="cvw-preview cvw-preview-off">
            <Avatar name={name || t.you} />
            <p>{t.noCameraPreview}</p>
          </div>
        )}
        {canPreview && (
          <div className="cvw-stage-controls" role="group" aria-label={t.deviceSettings}>
            <MicLevelButton
              t={t}
              muted={muted}
              level={preview ? preview.level : null}
              onToggle={() => setMuted((m) => !m)}
            />
            {mayVideo && (
              <IconButton
                icon={video ? Video : VideoOff}
                label={video ? t.stopVideo : t.startVideo}
                off={!video}
                onClick={() => setVideo((v) => !v)}
                showLabel={false}
              />
            )}
            <IconButton
              icon={Settings}
              label={t.deviceSettings}
              aria-expanded={settings}
              aria-controls={settingsId}
              onClick={() => setSettings((s) => !s)}
              showLabel={false}
            />
          </div>
        )}
      </div>
      {error && <PermissionHelp t={t} code={error} onRetry={retry} />}
      <div id={settingsId} className="cvw-drawer" hidden={!settings}>
        <DevicePickers
          t={t}
          cameras={showVideo ? devices.cameras : undefined}
          microphones={devices.microphones}
          speakers={'setSinkId' in HTMLMediaElement.prototype ? devices.speakers : undefined}
          camera={chosen.camera}
          microphone={chosen.microphone}
          speaker={chosen.speaker}
          onCamera={setCamera}
          onMicrophone={setMicrophone}
          onSpeaker={setSpeaker}
        />
        <EffectSettings
          t={t}
          noiseSuppression={{
            on: noiseSuppression,
            state: suppressionSupported ? (noiseSuppression ? 'on' : 'off') : 'unavailable',
          }}
          onNoiseSuppression={setNoiseSuppression}
          {...(showVideo
            ? {
                background: { effect: background, state: processed.state },
                onBackground: setBackground,
              }
            : {})}
          {...(siteBackground ? { siteImage: siteBackground } : {})}
        />
        <button type="button" className="cvw-button" onClick={() => setSettings(false)}>
          {t.closeSettings}
        </button>
      </div>
      {problem ? (
        <div className="cvw-footer">
          <div className="cvw-alert" role="alert" data-testid="unsupported-browser">
            <p>
              <strong>{t.unsupportedTitle}</strong>
            </p>
            <p>{problemText(t, problem)}</p>
          </div>
        </div>
      ) : (
        <div className="cvw-footer">
          {!displayName && (
            <div className="cvw-field">
              <label htmlFor={nameId}>{t.yourName}</label>
              <input
                id={nameId}
                value={name}
                autoComplete="name"
                required
                aria-invalid={nameError}
                aria-describedby={nameError ? nameErrId : undefined}
                onChange={(e) => {
                  setName(e.target.value);
                  setNameError(false);
                }}
              />
              {nameError && (
                <p id={nameErrId} className="cvw-error-text">
                  {t.nameRequired}
                </p>
              )}
            </div>
          )}
          <button type="submit" className="cvw-button cvw-primary cvw-join">
            {t.joinCall}
          </button>
        </div>
      )}
    </form>
  );
}
