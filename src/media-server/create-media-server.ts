/**
 * The local media server: Chime-compatible signaling on `/control/<MeetingId>` and a werift SFU in
 * the same process, so the unmodified amazon-chime-sdk-js joins meetings created by the local
 * Connect emulator. Nothing here contacts the outside network (no STUN, no TURN, host candidates).
 */
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { FastifyBaseLogger } from 'fastify';
import { acceptWebSocket, guardedWebSocketServer } from '../server-common/socket-guard';
import type {
  MediaAttendee,
  MediaMeeting,
  MediaService,
  MediaServiceEvents,
} from './media-service';
import { newMediaMeeting } from './media-meeting';
import { MeetingRoom } from './meeting-room';
import { newAttendeeId, newJoinToken, tokenFromProtocols } from './join-token';
import { SignalingConnection } from './signaling-connection';
import { CloseCode } from './signaling-frames';
import type { TurnService } from './turn-credentials';
import { MediaFaults } from './media-faults';
import type { AudioCodecs } from './opus-codec';
import { installSrtpRolloverEstimate } from './srtp-rollover';

/** Where the media server listens for ICE, its TURN settings, its logger and its clock. */
export interface MediaServerOptions {
  /**
   * Public base URL of the HTTP server; the signaling URL uses its host (ws:, or wss: for https:).
   */
  publicUrl: string;
  /** Extra host address announced in ICE candidates, e.g. the LAN address a phone can reach. */
  iceAddress?: string;
  /**
   * A TURN service JOIN_ACK sends browsers to (host = the public URL's host name); none by default.
   */
  turn?: { port: number; secret: string };
  logger: FastifyBaseLogger;
  /** Where contained faults are counted (media-faults.ts); one of its own by default. */
  faults?: MediaFaults;
  /** The audio mix's Opus codecs; libopus by default (tests inject failing ones). */
  codecs?: AudioCodecs;
  /**
   * The clock of Connect's 60-second participant rule (meeting-attendees.ts); Date.now by default.
   */
  now?: () => number;
}

const CONTROL_PATH = /^\/control\/([A-Za-z0-9-]{1,64})(?:\?|$)/;
const METADATA_INTERVAL_MS = 250;
const REJECT_GRACE_MS = 2000;

/** The local Chime-compatible media server: meetings, their signaling sockets and their media. */
export function createMediaServer(options: MediaServerOptions): MediaService {
  // Long calls: every stream's sequence number wraps every 20-odd minutes (srtp-rollover.ts).
  installSrtpRolloverEstimate();
  const url = new URL(options.publicUrl);
  const rooms = new Map<string, MeetingRoom>();
  const events = new EventEmitter<MediaServiceEvents>();
  const faults = options.faults ?? new MediaFaults(options.logger);
  const newRoom = (meeting: MediaMeeting) =>
    new MeetingRoom(meeting, events, faults, options.codecs, options.now);
  const wss = guardedWebSocketServer({
    maxPayload: 1 << 20,
    handleProtocols: (p) => (p.has('_aws_wt_session') ? '_aws_wt_session' : false),
  });
  const metadataTimer = setInterval(() => {
    // Each meeting's report behind its own boundary: one that throws does not skip the others.
    for (const room of rooms.values())
      if (!room.ended) room.guardMeeting('audio-metadata', () => room.sendAudioMetadata());
  }, METADATA_INTERVAL_MS);
  metadataTimer.unref();
  const turn: TurnService | undefined = options.turn && { host: url.hostname, ...options.turn };
  const settings = { iceAddress: options.iceAddress, turn, logger: options.logger };

  const liveRoom = (meetingId: string): MeetingRoom => {
    const room = rooms.get(meetingId);
    if (!room) throw new Error(`Meeting ${meetingId} does not exist on this media server.`);
    if (room.ended) throw new Error(`Meeting ${meetingId} has ended.`);
    return room;
  };

  /**
   * Refusals happen after the upgrade: a refused upgrade looks like a network error and makes the
   * SDK retry.
   */
  const reject = (ws: WebSocket, code: number, reason: string) => {
    const close = () => ws.readyState === ws.OPEN && ws.close(code, reason);
    ws.once('message', close);
    setTimeout(close, REJECT_GRACE_MS).unref();
  };

  const onSocket = (ws: WebSocket, req: IncomingMessage, meetingId: string) => {
    const token = tokenFromProtocols(req.headers['sec-websocket-protocol']);
    const room = rooms.get(meetingId);
    const who = token && room ? room.attendees.authenticate(token) : undefined;
    if (!room || !who) {
      options.logger.info(
        { meetingId },
        'signaling connection refused: unknown meeting or join token',
      );
      return reject(ws, CloseCode.forbidden, 'join token refused');
    }
    if (room.ended) return reject(ws, CloseCode.meetingEnded, 'meeting ended');
    options.logger.debug({ meetingId, attendeeId: who.attendeeId }, 'signaling connection');
    const scope = { meetingId, attendeeId: who.attendeeId };
    faults.run(
      scope,
      'signaling-event',
      () => new SignalingConnection(ws, room, who.attendeeId, who.externalUserId, settings),
      () => ws.terminate(),
    );
  };

  return {
    events,
    createMeeting(): MediaMeeting {
      const meeting = newMediaMeeting(options.publicUrl);
      rooms.set(meeting.MeetingId, newRoom(meeting));
      return meeting;
    },
    createAttendee(meetingId, externalUserId): MediaAttendee {
      const room = liveRoom(meetingId);
      if (!externalUserId) throw new Error('ExternalUserId must not be empty.');
      const attendee = {
        AttendeeId: newAttendeeId(),
        JoinToken: newJoinToken(),
        ExternalUserId: externalUserId,
      };
      room.attendees.add(attendee);
      return attendee;
    },
    restoreMeeting(meeting, attendees) {
      const room = rooms.get(meeting.MeetingId) ?? newRoom(meeting);
      for (const a of attendees) room.attendees.add(a);
      rooms.set(meeting.MeetingId, room);
    },
    endMeeting(meetingId) {
      const room = rooms.get(meetingId);
      if (room && !room.ended) room.end();
    },
    removeAttendee(meetingId, attendeeId) {
      const room = rooms.get(meetingId);
      if (room && room.attendees.delete(attendeeId)) room.removeAttendee(attendeeId);
    },
    isMeetingActive: (meetingId) => !!rooms.get(meetingId) && !rooms.get(meetingId)!.ended,
    isAttendeeActive: (meetingId, attendeeId) =>
      rooms.get(meetingId)?.attendees.isActive(attendeeId) ?? false,
    attendeeReport(meetingId, attendeeId) {
      const room = rooms.get(meetingId);
      return room && !room.ended ? room.reportOf(attendeeId) : undefined;
    },
    sendDataMessage(meetingId, m) {
      const room = liveRoom(meetingId);
      const message = {
        topic: m.topic,
        data: new TextEncoder().encode(m.data),
        lifetimeMs: 0,
        senderAttendeeId: m.senderAttendeeId,
        senderExternalUserId: m.senderExternalUserId,
      };
      room.sendData([message], m.senderAttendeeId);
    },
    playAudio: (meetingId, pcm) => liveRoom(meetingId).media.playAudio(pcm),
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
      const match = CONTROL_PATH.exec(req.url ?? '');
      if (!match) return false;
      acceptWebSocket(wss, req, socket, head, (ws) => onSocket(ws, req, match[1]!));
      return true;
    },
    async close() {
      clearInterval(metadataTimer);
      for (const room of rooms.values()) room.close();
      rooms.clear();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
