/**
 * Runs the pre-call preview for the current choice and restarts it when the choice changes; always
 * stops the old tracks first, so at most one camera capture exists and none survives the screen.
 */
import { useCallback, useEffect, useState } from 'react';
import { listDevices, keepOrFirst } from '../../call-engine/device-lists';
import { startMediaPreview, type MediaPreview } from '../../call-engine/media-preview';
import { CallEngineError } from '../../call-engine/device-errors';
import type { DeviceOption, EngineErrorCode } from '../../call-engine/call-types';

/** The devices the preview uses. */
export interface PreviewDevices {
  cameras: DeviceOption[];
  microphones: DeviceOption[];
  speakers: DeviceOption[];
}

/**
 * The preview for the current choice; none while `enabled` is false (a browser without camera
 * access).
 */
export function useMediaPreview(
  video: boolean,
  camera: string | null,
  microphone: string | null,
  enabled = true,
) {
  const [preview, setPreview] = useState<MediaPreview | null>(null);
  const [error, setError] = useState<EngineErrorCode | null>(null);
  const [devices, setDevices] = useState<PreviewDevices>({
    cameras: [],
    microphones: [],
    speakers: [],
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    let started: MediaPreview | null = null;
    startMediaPreview({ video, camera, microphone })
      .then(async (p) => {
        if (cancelled) return p.stop();
        started = p;
        setError(null);
        setPreview(p);
        setDevices(await listDevices());
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e instanceof CallEngineError ? e.code : 'join-failed');
      });
    return () => {
      cancelled = true;
      started?.stop();
      setPreview(null);
    };
  }, [video, camera, microphone, attempt, enabled]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { preview, error, devices, retry };
}

/** The device actually in use for a kind: the chosen one while present, else the first. */
export function effectiveDevice(chosen: string | null, options: DeviceOption[]): string | null {
  return keepOrFirst(chosen, options);
}
