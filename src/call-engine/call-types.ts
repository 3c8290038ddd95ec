/**
 * Public, SDK-free types of the call engine. UI code (customer widget and agent desk) imports only
 * these; the Chime SDK stays behind `createCallEngine` in a lazily loaded chunk.
 */

/**
 * A Chime meeting plus this participant's attendee, as Connect returns it (PascalCase or
 * camelCase).
 */
export interface JoinCredentials {
  Meeting: {
    MeetingId: string;
    MediaPlacement: { AudioHostUrl: string; SignalingUrl: string } & Record<string, unknown>;
  } & Record<string, unknown>;
  Attendee: { AttendeeId: string; JoinToken: string } & Record<string, unknown>;
}

/** Why a call stopped, in words the UI can map to strings without knowing SDK status codes. */
export type LeaveReason =
  'left' | 'meeting-ended' | 'removed' | 'joined-elsewhere' | 'connection-lost';

/** The one discriminated union every screen switches on. */
export type EngineStatus =
  | { kind: 'idle' }
  | { kind: 'joining' }
  | { kind: 'joined'; joinedAt: number }
  | { kind: 'reconnecting'; joinedAt: number }
  | { kind: 'left'; reason: LeaveReason }
  | { kind: 'failed'; code: EngineErrorCode; message: string };

/** Why the engine failed or a device could not be used; the widget turns each into words. */
export type EngineErrorCode =
  'permission-denied' | 'device-not-found' | 'device-in-use' | 'join-failed' | 'share-failed';

/** A video tile the UI can bind a `<video>` element to, by `tileId`. */
export interface TileInfo {
  tileId: number;
  attendeeId: string;
  externalUserId: string;
  /** True for a screen/content share (attendee id ending in `#content`). */
  isContent: boolean;
  isLocal: boolean;
  /** False while the sender has paused or no frames are flowing yet. */
  active: boolean;
}

/** Someone present in the meeting (audio presence), content-share attendees included. */
export interface PresentAttendee {
  attendeeId: string;
  externalUserId: string;
  isContent: boolean;
  /** Their microphone is muted, as the meeting reports it (false until it reports otherwise). */
  muted: boolean;
}

/** A received (or sent) data message, decoded as UTF-8 text. */
export interface DataMessageInfo {
  topic: string;
  text: string;
  senderAttendeeId: string;
  senderExternalUserId: string;
  timestampMs: number;
  /** True when this client sent it (the server does not echo to the sender). */
  local: boolean;
}

/** A camera, microphone or speaker the browser lists. */
export interface DeviceOption {
  deviceId: string;
  label: string;
}

/** The devices the browser lists and the ones in use. */
export interface DeviceState {
  cameras: DeviceOption[];
  microphones: DeviceOption[];
  speakers: DeviceOption[];
  camera: string | null;
  microphone: string | null;
  speaker: string | null;
  /** False where `HTMLMediaElement.setSinkId` does not exist (speaker choice is then hidden). */
  speakerSelectable: boolean;
  /** Set when the device in use went away mid-call (unplugged or permission revoked). */
  lost: 'camera' | 'microphone' | null;
}

/**
 * One media effect: off, its files downloading, on, not possible in this browser, or failed to
 * start.
 */
export type EffectState = 'off' | 'loading' | 'on' | 'unavailable' | 'failed';

/**
 * What is shown behind the customer: the camera as it is, a blur, or an image (a URL or a built-in
 * name).
 */
export type BackgroundEffect =
  | { kind: 'none' }
  | { kind: 'blur'; strength: 'light' | 'strong' }
  | { kind: 'image'; src: string };

/**
 * The camera's sending quality: a fixed level is a ceiling (capture size and bitrate cap, adapting
 * below it); `auto` goes up to 720p and adapts to the network (see video-quality.ts).
 */
export type VideoQuality = 'auto' | '360p' | '540p' | '720p';

/** The customer's media effects, as the UI shows them. */
export interface EffectsState {
  noiseSuppression: EffectState;
  background: BackgroundEffect;
  /** The state of the background effect's model (`off` while the background is `none`). */
  backgroundState: EffectState;
}

/** Everything the UI renders from, replaced (never mutated) on every change. */
export interface CallSnapshot {
  status: EngineStatus;
  selfAttendeeId: string | null;
  muted: boolean;
  cameraOn: boolean;
  /** Local screen share is running. */
  sharing: boolean;
  tiles: TileInfo[];
  /** Everyone present (the participant list), in order of arrival. */
  attendees: PresentAttendee[];
  /** The attendee speaking now (kept through pauses until someone else speaks up), or null. */
  activeSpeakerId: string | null;
  /** The last 50 data messages, oldest first. */
  messages: DataMessageInfo[];
  devices: DeviceState;
  network: 'good' | 'poor';
  /**
   * The browser refused to start remote audio without a user gesture: show a "start audio" button.
   */
  audioBlocked: boolean;
  effects: EffectsState;
}

/** Options for {@link CallEngine.join}. */
export interface JoinOptions {
  credentials: JoinCredentials;
  /** Start with the camera on (only if the participant may send video). */
  video: boolean;
  microphone?: string | null;
  camera?: string | null;
  speaker?: string | null;
  /** Noise suppression of the microphone (default on where the browser can run it). */
  noiseSuppression?: boolean;
  /** The background effect to start with (default none). */
  background?: BackgroundEffect;
  /** The camera's sending resolution (default `auto`). */
  videoQuality?: VideoQuality;
  /** Data-message topics to receive (e.g. `AMAZON_CONNECT_SCREEN_SHARING`). */
  topics?: string[];
  /** Rewrites media URLs (e.g. production-looking hosts to loopback); identity by default. */
  urlRewriter?: (url: string | null) => string | null;
  /**
   * Cancels the join: aborting it is a {@link CallEngine.leave} (whatever started is released and
   * nothing more starts); an already aborted signal joins nothing.
   */
  signal?: AbortSignal;
}
