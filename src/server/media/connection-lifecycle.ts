/**
 * Joining and leaving a meeting: a connection replaces an older one of the same attendee (the same
 * SDK session reconnecting is replaced silently; another device/tab gets AUDIO_STATUS 301), gets a
 * new audio stream id, and on leave or drop its presence, video and audio are removed.
 */
import { AudioStatus, FrameType } from './signaling-frames';
import { announceLeave, broadcastIndex } from './meeting-broadcasts';
import type { SignalingConnection } from './signaling-connection';

/** Adds a connection that sent JOIN to its meeting. */
export function attach(conn: SignalingConnection): void {
  const room = conn.room;
  const previous = room.connectionOf(conn.attendeeId);
  if (previous && previous !== conn) {
    const reconnect = previous.audioSessionId === conn.audioSessionId;
    if (!reconnect) previous.send({ type: FrameType.AUDIO_STATUS, audioStatus: { audioStatus: AudioStatus.joinedFromAnotherDevice } });
    void detach(previous, reconnect);
    if (reconnect) previous.terminate();
  }
  conn.audioStreamId = room.allocateAudioStreamId();
  conn.joined = true;
  room.connections.add(conn);
  room.events.emit('attendee-joined', { meetingId: room.id, attendeeId: conn.attendeeId });
}

/** Removes a connection (idempotent); `dropped` = connection lost rather than a LEAVE. */
export async function detach(conn: SignalingConnection, dropped: boolean): Promise<void> {
  if (conn.closed) return;
  conn.closed = true;
  const room = conn.room;
  const wasMember = room.connections.delete(conn);
  if (wasMember && conn.announced) announceLeave(room, conn, dropped);
  const indexChanged = await conn.media.close();
  if (indexChanged && !room.ended) broadcastIndex(room);
  if (wasMember) room.events.emit('attendee-left', { meetingId: room.id, attendeeId: conn.attendeeId, dropped });
}
