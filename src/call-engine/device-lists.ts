/**
 * Device enumeration shared by the pre-call preview and the in-call engine: turns MediaDeviceInfo
 * lists into labelled options (browsers hide labels until permission is granted).
 */
import type { DeviceOption } from './call-types';

/** Plain options for one device kind, with a numbered fallback label. */
export function toOptions(
  devices: MediaDeviceInfo[],
  kind: MediaDeviceKind,
  fallback: string,
): DeviceOption[] {
  return devices
    .filter((d) => d.kind === kind && d.deviceId !== '')
    .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `${fallback} ${i + 1}` }));
}

/** All three lists from one `enumerateDevices` call. */
export async function listDevices(): Promise<{
  cameras: DeviceOption[];
  microphones: DeviceOption[];
  speakers: DeviceOption[];
}> {
  const all =
    typeof navigator !== 'undefined' && navigator.mediaDevices
      ? await navigator.mediaDevices.enumerateDevices()
      : [];
  return {
    cameras: toOptions(all, 'videoinput', 'Camera'),
    microphones: toOptions(all, 'audioinput', 'Microphone'),
    speakers: toOptions(all, 'audiooutput', 'Speaker'),
  };
}

/** Keeps `current` if it is still in `options`, else the first option (or null). */
export function keepOrFirst(
  current: string | null | undefined,
  options: DeviceOption[],
): string | null {
  if (current && options.some((o) => o.deviceId === current)) return current;
  return options[0]?.deviceId ?? null;
}
