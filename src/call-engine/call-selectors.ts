/**
 * Small pure selectors over a {@link CallSnapshot} that the UIs pass to `useCallSnapshot` (who is
 * the remote party, which tile shows what, the own media toggles), so each component selects what
 * it shows and no component re-implements tile bookkeeping. A selector that builds a new object or
 * array each time says which equality to pair it with, so an equal result does not re-render.
 */
import type {
  CallSnapshot,
  DataMessageInfo,
  DeviceState,
  EffectsState,
  TileInfo,
} from './call-types';

/** The network quality indicator. */
export const networkQuality = (s: CallSnapshot): CallSnapshot['network'] => s.network;

/** This client's microphone is muted. */
export const isMuted = (s: CallSnapshot): boolean => s.muted;

/** This client's camera is on. */
export const isCameraOn = (s: CallSnapshot): boolean => s.cameraOn;

/** This client is sharing its screen. */
export const isSharing = (s: CallSnapshot): boolean => s.sharing;

/** Where the engine is in the call's life cycle (`idle`, `joining`, `joined`…). */
export const statusKind = (s: CallSnapshot): CallSnapshot['status']['kind'] => s.status.kind;

/** The call is up: joined, or reconnecting after having joined. */
export const isInCall = (s: CallSnapshot): boolean =>
  s.status.kind === 'joined' || s.status.kind === 'reconnecting';

/** The browser blocked remote audio until a user gesture ("Start audio"). */
export const isAudioBlocked = (s: CallSnapshot): boolean => s.audioBlocked;

/** The device in use that went away mid-call, if any. */
export const lostDevice = (s: CallSnapshot): DeviceState['lost'] => s.devices.lost;

/** The devices (lists, choices, a lost one), for the device pickers. */
export const deviceState = (s: CallSnapshot): DeviceState => s.devices;

/** The media effects, for the effect settings. */
export const effectsState = (s: CallSnapshot): EffectsState => s.effects;

/**
 * This client's own toggles: microphone muted, camera on, screen shared (pair with `equalData`).
 */
export function selfMedia(s: CallSnapshot): {
  muted: boolean;
  cameraOn: boolean;
  sharing: boolean;
} {
  return { muted: s.muted, cameraOn: s.cameraOn, sharing: s.sharing };
}

/**
 * The self-view as a tile shows it: the camera's tile while the camera is on (else null), muted,
 * and whether this client is the active speaker (pair with `equalData`).
 */
export function selfView(s: CallSnapshot): {
  tileId: number | null;
  muted: boolean;
  speaking: boolean;
} {
  const tile = localVideoTile(s);
  return {
    tileId: tile && s.cameraOn ? tile.tileId : null,
    muted: s.muted,
    speaking: s.activeSpeakerId === s.selfAttendeeId,
  };
}

/** The local camera tile, if the camera is on (a tile: pair with `equalData`). */
export function localVideoTile(s: CallSnapshot): TileInfo | undefined {
  return s.tiles.find((t) => t.isLocal && !t.isContent);
}

/** The first remote camera tile (the other party's video; pair with `equalData`). */
export function remoteVideoTile(s: CallSnapshot): TileInfo | undefined {
  return s.tiles.find((t) => !t.isLocal && !t.isContent);
}

/** The remote party's screen share, if any (pair with `equalData`). */
export function remoteContentTile(s: CallSnapshot): TileInfo | undefined {
  const self = s.selfAttendeeId;
  return s.tiles.find(
    (t) => t.isContent && !t.isLocal && (!self || !t.attendeeId.startsWith(self)),
  );
}

/** Attendees other than this client and its own content share. */
export function remoteAttendees(s: CallSnapshot) {
  const self = s.selfAttendeeId;
  return s.attendees.filter((a) => !self || !a.attendeeId.startsWith(self));
}

/** The last message received on `topic`, if any. */
export function lastMessageOn(s: CallSnapshot, topic: string): DataMessageInfo | undefined {
  for (let i = s.messages.length - 1; i >= 0; i--) {
    const m = s.messages[i];
    if (m && m.topic === topic && !m.local) return m;
  }
  return undefined;
}

/** Whole seconds since the call was joined (0 before). */
export function secondsInCall(s: CallSnapshot, now: number): number {
  const st = s.status;
  return st.kind === 'joined' || st.kind === 'reconnecting'
    ? Math.max(0, Math.floor((now - st.joinedAt) / 1000))
    : 0;
}

/**
 * Someone else on the call as the UIs show them: their mute state, whether they speak, their
 * camera.
 */
export interface RemoteParticipant {
  attendeeId: string;
  externalUserId: string;
  muted: boolean;
  speaking: boolean;
  /** Their camera tile, when they send video. */
  tile?: TileInfo;
}

/**
 * Every other participant (not this client, not screen shares), in order of arrival: those present
 * in the meeting, then any whose camera tile arrived before their presence did.
 */
export function remoteParticipants(s: CallSnapshot): RemoteParticipant[] {
  const cameras = s.tiles.filter((t) => !t.isLocal && !t.isContent);
  const people = remoteAttendees(s).filter((a) => !a.isContent);
  const known = new Set(people.map((a) => a.attendeeId));
  const early = cameras.filter((t) => !known.has(t.attendeeId));
  return [
    ...people.map((a) => ({ ...a, tile: cameras.find((t) => t.attendeeId === a.attendeeId) })),
    ...early.map((t) => ({ ...t, muted: false, tile: t })),
  ].map(({ attendeeId, externalUserId, muted, tile }) => ({
    attendeeId,
    externalUserId,
    muted,
    speaking: s.activeSpeakerId === attendeeId,
    ...(tile ? { tile } : {}),
  }));
}
