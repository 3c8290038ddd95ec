/**
 * What the media server knows of one attendee's connection, for DescribeContact: the device its
 * Chime SDK client described in its JOIN frame, and its audio link as last measured.
 */
import { AudioLinkMeter, type AudioLink, type AudioCounters } from './call-quality';

/** The client's own description (the SDK's SdkClientDetails); each value at most 128 characters. */
export interface ClientDevice {
  platformName?: string;
  platformVersion?: string;
  osName?: string;
  osVersion?: string;
  deviceModel?: string;
}

/** What the media server can say of one attendee's connection now. */
export interface AttendeeReport {
  device?: ClientDevice;
  audio?: AudioLink;
}

const MAX_LENGTH = 128;
const FIELDS = ['platformName', 'platformVersion', 'osName', 'osVersion', 'deviceModel'] as const;

/** The device from a JOIN frame's clientDetails; empty and overlong values are left out or cut. */
export function clientDeviceOf(details: Record<string, unknown> | null | undefined): ClientDevice {
  const device: ClientDevice = {};
  for (const field of FIELDS) {
    const value = details?.[field];
    if (typeof value === 'string' && value.trim() !== '')
      device[field] = value.trim().slice(0, MAX_LENGTH);
  }
  return device;
}

/**
 * Keeps the last measurement of one connection's audio. Reading it starts the next measurement in
 * the background, so the caller never waits on werift's statistics (DescribeContact answers at
 * once, from the previous measurement; the agent desk asks every few seconds).
 */
export class AudioLinkWatch {
  private readonly meter = new AudioLinkMeter();
  private last: AudioLink | undefined;
  private measuring = false;

  constructor(
    private readonly read: () => Promise<AudioCounters | undefined>,
    private readonly onError: (err: unknown) => void,
  ) {}

  current(): AudioLink | undefined {
    if (!this.measuring) {
      this.measuring = true;
      this.read()
        .then((counters) => {
          if (counters) this.last = this.meter.sample(counters);
        })
        .catch(this.onError)
        .finally(() => {
          this.measuring = false;
        });
    }
    return this.last;
  }
}
