/**
 * A camera, microphone or speaker that could not start or switch during a call: what the customer
 * is told (what happened and what to do, by the engine's error code) and what the console gets.
 */
import { CallEngineError } from '../../call-engine/device-errors';
import type { EngineErrorCode } from '../../call-engine/call-types';
import type { Strings } from '../strings/strings';

export type FailedDevice = 'camera' | 'microphone' | 'speaker';

/** One failed device action, as the in-call notice shows it. */
export interface DeviceFailure {
  device: FailedDevice;
  code: EngineErrorCode;
}

/** Classifies what a device command threw, and logs its detail (never shown to the customer). */
export function deviceFailureOf(device: FailedDevice, error: unknown): DeviceFailure {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.warn(`<connect-video-call>: the ${device} could not start or switch (${detail})`);
  return { device, code: error instanceof CallEngineError ? error.code : 'join-failed' };
}

/** The sentence the customer reads: what happened and what to do next. */
export function deviceFailureText(t: Strings, f: DeviceFailure): string {
  if (f.device === 'speaker') return t.speakerFailed;
  const camera = f.device === 'camera';
  switch (f.code) {
    case 'permission-denied':
      return camera ? t.cameraFailedBlocked : t.microphoneFailedBlocked;
    case 'device-not-found':
      return camera ? t.cameraFailedMissing : t.microphoneFailedMissing;
    case 'device-in-use':
      return camera ? t.cameraFailedBusy : t.microphoneFailedBusy;
    default:
      return camera ? t.cameraFailedOther : t.microphoneFailedOther;
  }
}
