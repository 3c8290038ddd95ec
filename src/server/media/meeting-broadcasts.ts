/**
 * Frames a meeting sends to several connections: the video INDEX, presence (AUDIO_STREAM_ID_INFO),
 * volume metadata, data-message fan-out and the meeting end. Kept apart from the per-connection
 * protocol handler so both the handler and the MediaService API can use them.
 */
import { AudioStatus, FrameType, proto, type SignalFrameInit } from './signaling-frames';
import type { MeetingRoom } from './meeting-room';
import type { SignalingConnection } from './signaling-connection';

const VIDEO = proto.SdkStreamMediaType.VIDEO;

/** The full INDEX: every published video of the meeting (the client removes its own). */
export function indexFrame(room: MeetingRoom): SignalFrameInit {
  const sources = [...room.sources.values()].map((s) => ({
    streamId: s.streamId, groupId: s.groupId, attendeeId: s.connection.attendeeId, externalUserId: s.connection.externalUserId,
    mediaType: VIDEO, trackLabel: 'AmazonChimeExpressVideo', maxBitrateKbps: 1500, avgBitrateBps: 1_000_000, framerate: 15, width: 1280, height: 720,
  }));
  return {
    type: FrameType.INDEX,
    index: { atCapacity: false, sources, numParticipants: room.participantCount(), supportedReceiveCodecIntersection: [proto.SdkVideoCodecCapability.VP8] },
  };
}

export function broadcastIndex(room: MeetingRoom): void {
  const frame = indexFrame(room);
  for (const c of room.connections) if (c.joined) c.send(frame);
}

function joinEntry(c: SignalingConnection) {
  return { audioStreamId: c.audioStreamId, attendeeId: c.attendeeId, externalUserId: c.externalUserId, muted: c.muted };
}

/** Presence after a connection's first SUBSCRIBE_ACK: everybody to it, it to everybody else. */
export function announceJoin(room: MeetingRoom, newcomer: SignalingConnection): void {
  const present = [...room.connections].filter((c) => c.announced);
  newcomer.send({ type: FrameType.AUDIO_STREAM_ID_INFO, audioStreamIdInfo: { streams: present.map(joinEntry) } });
  for (const c of present) {
    if (c !== newcomer) c.send({ type: FrameType.AUDIO_STREAM_ID_INFO, audioStreamIdInfo: { streams: [joinEntry(newcomer)] } });
  }
}

/** Presence removal: `dropped` tells the SDK the connection was lost rather than left. */
export function announceLeave(room: MeetingRoom, gone: SignalingConnection, dropped: boolean): void {
  const entry = dropped ? { audioStreamId: gone.audioStreamId, dropped: true } : { audioStreamId: gone.audioStreamId };
  for (const c of room.connections) if (c.announced && c !== gone) c.send({ type: FrameType.AUDIO_STREAM_ID_INFO, audioStreamIdInfo: { streams: [entry] } });
}

/** Mute state change of one connection, to everybody. */
export function announceMute(room: MeetingRoom, who: SignalingConnection): void {
  const frame = { type: FrameType.AUDIO_STREAM_ID_INFO, audioStreamIdInfo: { streams: [{ audioStreamId: who.audioStreamId, muted: who.muted }] } };
  for (const c of room.connections) if (c.announced) c.send(frame);
}

/** Volume levels from the talkers' ssrc-audio-level headers (attenuation in dB, 0 = loudest). */
export function sendAudioMetadata(room: MeetingRoom): void {
  const levels = room.audio.levels();
  const attendeeStates = [...room.connections]
    .filter((c) => c.announced && levels.has(c.audioStreamId))
    .map((c) => ({ audioStreamId: c.audioStreamId, volume: c.muted ? 127 : (levels.get(c.audioStreamId) ?? 127), signalStrength: 2 }));
  if (attendeeStates.length === 0) return;
  const frame = { type: FrameType.AUDIO_METADATA, audioMetadata: { attendeeStates } };
  for (const c of room.connections) if (c.announced) c.send(frame);
}

export interface OutgoingMessage {
  topic: string;
  data: Uint8Array;
  lifetimeMs: number;
  senderAttendeeId: string;
  senderExternalUserId: string;
}

/** Fans data messages out to every other connection, stamping the ingest time; retains those with a lifetime. */
export function fanOutData(room: MeetingRoom, messages: OutgoingMessage[], except: (c: SignalingConnection) => boolean): void {
  const now = Date.now();
  const stamped = messages.map((m) => ({ ...m, ingestTimeNs: now * 1_000_000 }));
  for (const m of stamped) {
    if (m.lifetimeMs > 0) room.retained.push({ ...m, expiresAtMs: now + Math.min(m.lifetimeMs, 300_000) });
  }
  room.retained.splice(0, Math.max(0, room.retained.length - 1024));
  const frame = { type: FrameType.DATA_MESSAGE, dataMessage: { messages: stamped } };
  for (const c of room.connections) if (c.joined && !except(c)) c.send(frame);
}

/** Stops one attendee's connections (camera/audio and `#content`) with AUDIO_STATUS 411 (AttendeeRemoved). */
export function removeConnections(room: MeetingRoom, attendeeId: string): void {
  const theirs = [...room.connections].filter((c) => c.attendeeId === attendeeId || c.attendeeId === `${attendeeId}#content`);
  for (const c of theirs) c.send({ type: FrameType.AUDIO_STATUS, audioStatus: { audioStatus: AudioStatus.attendeeRemoved } });
  // The SDK answers with LEAVE and closes; a socket that does not is closed after a grace period.
  setTimeout(() => {
    for (const c of theirs) c.terminate();
  }, 3000).unref();
}

/** Ends the meeting: every client gets AUDIO_STATUS 410 (MeetingEnded) and later joins are refused. */
export function endRoom(room: MeetingRoom): void {
  room.ended = true;
  for (const c of room.connections) c.send({ type: FrameType.AUDIO_STATUS, audioStatus: { audioStatus: AudioStatus.meetingEnded } });
  room.audio.close();
  // Clients answer with LEAVE and close; sockets that do not are closed after a grace period.
  setTimeout(() => {
    for (const c of [...room.connections]) c.terminate();
  }, 3000).unref();
}
