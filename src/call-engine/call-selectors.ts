/**
 * Small pure selectors over a {@link CallSnapshot} that both UIs need (who is the remote party,
 * which tile shows what), so no component re-implements tile bookkeeping.
 */
import type { CallSnapshot, DataMessageInfo, TileInfo } from './call-types';

/** The local camera tile, if the camera is on. */
export function localVideoTile(s: CallSnapshot): TileInfo | undefined {
  return s.tiles.find((t) => t.isLocal && !t.isContent);
}

/** The first remote camera tile (the other party's video). */
export function remoteVideoTile(s: CallSnapshot): TileInfo | undefined {
  return s.tiles.find((t) => !t.isLocal && !t.isContent);
}

/** The remote party's screen share, if any. */
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

/** Someone else on the call as the UIs show them: their mute state, whether they speak, their camera. */
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

/** Equality of two participant lists by what a tile shows (for `useCallSnapshot`). */
export function sameParticipants(a: RemoteParticipant[], b: RemoteParticipant[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i];
      return (
        !!q &&
        p.attendeeId === q.attendeeId &&
        p.externalUserId === q.externalUserId &&
        p.muted === q.muted &&
        p.speaking === q.speaking &&
        p.tile?.tileId === q.tile?.tileId &&
        p.tile?.active === q.tile?.active
      );
    })
  );
}
