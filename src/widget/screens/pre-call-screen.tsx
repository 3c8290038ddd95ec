/**
 * Before the call: name (if the page did not give one), voice/video choice (only as far as the
 * customer may send video), camera preview, microphone meter, device pickers, permission guidance.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AllowedCapabilities } from '../../shared/connect-schemas';
import type { JoinChoice } from '../call-session-types';
import type { Strings } from '../strings/strings';
import { DevicePickers } from '../ui/device-pickers';
import { LevelMeter } from '../ui/level-meter';
import { PermissionHelp } from '../ui/permission-help';
import { effectiveDevice, useMediaPreview } from './use-media-preview';

export interface PreCallProps {
  t: Strings;
  capabilities: AllowedCapabilities | undefined;
  displayName?: string;
  onJoin: (choice: JoinChoice) => void;
}

export function PreCallScreen({ t, capabilities, displayName, onJoin }: PreCallProps) {
  const mayVideo = capabilities?.Customer?.Video === 'SEND';
  const [name, setName] = useState(displayName ?? '');
  const [nameError, setNameError] = useState(false);
  const [video, setVideo] = useState(mayVideo);
  const [camera, setCamera] = useState<string | null>(null);
  const [microphone, setMicrophone] = useState<string | null>(null);
  const [speaker, setSpeaker] = useState<string | null>(null);
  const { preview, error, devices, retry } = useMediaPreview(video && mayVideo, camera, microphone);
  const videoRef = useRef<HTMLVideoElement>(null);
  const nameId = useId();
  const nameErrId = useId();

  useEffect(() => {
    if (videoRef.current) videoRef.current.srcObject = preview?.stream ?? null;
  }, [preview]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setNameError(true);
    preview?.stop(); // release the preview before the call acquires the devices
    onJoin({ displayName: name.trim(), video: video && mayVideo, camera: effectiveDevice(camera, devices.cameras), microphone: effectiveDevice(microphone, devices.microphones), speaker });
  };
  const showVideo = video && mayVideo;
  return (
    <form className="cvw-screen cvw-precall" onSubmit={submit} noValidate>
      <h3 className="cvw-screen-title">{t.preCallTitle}</h3>
      {!displayName && (
        <div className="cvw-field">
          <label htmlFor={nameId}>{t.yourName}</label>
          <input id={nameId} value={name} autoComplete="name" required aria-invalid={nameError} aria-describedby={nameError ? nameErrId : undefined} onChange={(e) => (setName(e.target.value), setNameError(false))} />
          {nameError && <p id={nameErrId} className="cvw-error-text">{t.nameRequired}</p>}
        </div>
      )}
      {mayVideo && (
        <fieldset className="cvw-choice">
          <legend>{t.callType}</legend>
          <label><input type="radio" name="cvw-call-type" checked={video} onChange={() => setVideo(true)} /> {t.videoCall}</label>
          <label><input type="radio" name="cvw-call-type" checked={!video} onChange={() => setVideo(false)} /> {t.voiceOnly}</label>
        </fieldset>
      )}
      {showVideo && <video ref={videoRef} className="cvw-preview cvw-mirrored" aria-label={t.cameraPreview} data-testid="camera-preview" autoPlay playsInline muted />}
      {error ? <PermissionHelp t={t} code={error} onRetry={retry} /> : <LevelMeter label={t.micLevel} level={preview ? preview.level : null} />}
      <DevicePickers
        t={t}
        cameras={showVideo ? devices.cameras : undefined}
        microphones={devices.microphones}
        speakers={'setSinkId' in HTMLMediaElement.prototype ? devices.speakers : undefined}
        camera={effectiveDevice(camera, devices.cameras)}
        microphone={effectiveDevice(microphone, devices.microphones)}
        speaker={effectiveDevice(speaker, devices.speakers)}
        onCamera={setCamera}
        onMicrophone={setMicrophone}
        onSpeaker={setSpeaker}
      />
      <button type="submit" className="cvw-button cvw-primary">{t.joinCall}</button>
    </form>
  );
}
