/**
 * The call engine's command + observation surface (SDK-free). Implemented by `createCallEngine`
 * (chime-call-engine.ts) and usable by the customer widget and the agent desk alike.
 */
import type { BackgroundEffect, CallSnapshot, JoinOptions } from './call-types';

/**
 * The call engine: one snapshot to read and the commands of a call (join, leave, devices, share,
 * effects).
 */
export interface CallEngine {
  /** Current immutable snapshot (stable identity between changes, for useSyncExternalStore). */
  getSnapshot(): CallSnapshot;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;

  /** Acquires the chosen devices and joins the meeting; resolves once the join has started. */
  join(options: JoinOptions): Promise<void>;
  /**
   * Leaves the meeting and releases every device (the camera light goes off). Safe to call twice.
   */
  leave(): Promise<void>;

  setMuted(muted: boolean): void;
  /** Turns the camera on (voice-to-video escalation in the same meeting) or off. */
  setCameraOn(on: boolean): Promise<void>;
  chooseCamera(deviceId: string): Promise<void>;
  chooseMicrophone(deviceId: string): Promise<void>;
  /** Only where `setSinkId` exists; otherwise a no-op. */
  chooseSpeaker(deviceId: string): Promise<void>;
  /**
   * Turns noise suppression of the microphone on or off (the plain microphone where unsupported).
   */
  setNoiseSuppression(on: boolean): Promise<void>;
  /** Changes what is shown behind the customer, in the call, without renegotiating. */
  setBackground(effect: BackgroundEffect): Promise<void>;
  /** Re-reads the device lists (e.g. after a permission change). */
  refreshDevices(): Promise<void>;

  /** Asks the browser for a screen and shares it as this attendee's content. */
  startScreenShare(): Promise<void>;
  stopScreenShare(): void;

  /** Sends a UTF-8 text data message on `topic` (`^[a-zA-Z0-9_-]{1,36}$`, at most 2048 bytes). */
  sendDataMessage(topic: string, text: string, lifetimeMs?: number): void;

  /** Binds a `<video>` element to a tile; pass `null` to unbind. */
  bindTile(tileId: number, element: HTMLVideoElement | null): void;
  /** Starts remote audio after the browser blocked autoplay (call from a click handler). */
  startAudio(): Promise<void>;
}
