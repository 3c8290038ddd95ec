/**
 * A camera, microphone or speaker that could not start or switch during a call: what the customer
 * is told (what happened and what to do, by the engine's error code) and what the console gets.
 */
import { CallEngineError } from '../../call-engine/device-errors';
import type { EngineErrorCode } from '../../call-engine/call-types';
import type { Strings } from '../strings/strings';

/** A device that could not start or switch. */
export type FailedDevice = 'camera' | 'microphone' | 'speaker';

/** One failed device action, as the in-call notice shows it. */
export interface DeviceFailure {
  device: FailedDevice;
  code: EngineErrorCode;
}

/** Classifies what a device command threw, and logs its detail (never shown to the customer). */
export function deviceFailureOf(device: FailedDevice, error: unknown): DeviceFailure {
  console.warn(`<connect-video-call>: the ${device} could not start or switch`, error);
  return { device, code: error instanceof CallEngineError ? error.code : 'join-failed' };
}

const ADVICE: Partial<Record<EngineErrorCode, 'Blocked' | 'Missing' | 'Busy'>> = {
  'permission-denied': 'Blocked',
  'device-not-found': 'Missing',
  'device-in-use': 'Busy',
};

/** The sentence the customer reads: what happened and what to do next. */
export function deviceFailureText(t: Strings, f: DeviceFailure): string {
  if (f.device === 'speaker') return t.speakerFailed;
  return t[`${f.device}Failed${ADVICE[f.code] ?? 'Other'}`];
}
