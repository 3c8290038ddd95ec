import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { RtpHeader, RtpPacket } from 'werift';
import { ConnectionMedia } from './connection-media';
import { MediaFaults } from './media-faults';
import type { MediaMeeting, MediaServiceEvents } from './media-service';
import { MeetingRoom } from './meeting-room';
import type { Negotiation, PeerSession } from './peer-session';
import { isNewer, type RtpPosition } from './rtp-sequencer';
import { RecordingMember } from './testing/recording-member';

/**
 * A peer session at its module boundary: it answers with the sections a test scripts and records
 * the video it is asked to send, by mid, with the numbers it would put on the wire.
 */
class ScriptedPeer {
  readonly sent: Array<{ mid: string } & RtpPosition> = [];
  next: Negotiation = { answer: 'v=0', sends: [], audioActive: false, cameraActive: false };

  negotiate(): Promise<Negotiation> {
    return Promise.resolve(this.next);
  }

  sendVideo(mid: string, _packet: RtpPacket, position: RtpPosition): void {
    this.sent.push({ mid, ...position });
  }

  sendAudio(): void {}
  requestKeyframe(): void {}
  audioCounters(): Promise<undefined> {
    return Promise.resolve(undefined);
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

const packet = (ssrc: number, sequenceNumber: number, timestamp: number) =>
  new RtpPacket(
    new RtpHeader({ ssrc, sequenceNumber, timestamp, payloadType: 96 }),
    Buffer.alloc(4),
  );

describe('ConnectionMedia', () => {
  let room: MeetingRoom;
  afterEach(() => room.close());

  it('continues a section’s numbering when it switches to another stream, even one numbered lower', async () => {
    room = new MeetingRoom(
      { MeetingId: 'm-1' } as MediaMeeting,
      new EventEmitter<MediaServiceEvents>(),
      new MediaFaults(pino({ level: 'silent' })),
    );
    // Two publishers: a screen share numbered high, a camera numbered low (browsers pick at random).
    const [share, camera, viewer] = ['share', 'camera', 'viewer'].map(
      (id) => new RecordingMember(id),
    );
    for (const [i, m] of [share, camera, viewer].entries()) room.admit(m!, i + 1);
    const shareStream = room.media.publish(share!).streamId;
    const cameraStream = room.media.publish(camera!).streamId;

    const peer = new ScriptedPeer();
    const media = new ConnectionMedia(viewer!, room.media, () => peer as unknown as PeerSession);
    const subscribe = async (streamId: number) => {
      peer.next = { ...peer.next, sends: [{ mid: '2', streamId, ssrc: 4242 }] };
      (await media.negotiate('v=0', [streamId])).afterAck();
    };

    await subscribe(shareStream);
    for (let i = 0; i < 5; i++)
      room.media.forwardVideo(
        shareStream,
        111,
        { sequenceNumber: 60_000 + i, timestamp: 4_000_000_000 + i * 3000 },
        packet(111, 60_000 + i, 4_000_000_000 + i * 3000),
        1000 + i * 33,
      );
    // The share ends; the viewer's browser puts the camera on the same section (same SSRC to it).
    await subscribe(cameraStream);
    for (let i = 0; i < 5; i++)
      room.media.forwardVideo(
        cameraStream,
        222,
        { sequenceNumber: 10 + i, timestamp: 1000 + i * 3000 },
        packet(222, 10 + i, 1000 + i * 3000),
        2000 + i * 33,
      );

    expect(peer.sent).toHaveLength(10);
    for (let i = 1; i < peer.sent.length; i++) {
      const [before, after] = [peer.sent[i - 1]!, peer.sent[i]!];
      expect(after.sequenceNumber).toBe((before.sequenceNumber + 1) % 0x10000);
      // Ahead on the 32-bit circle: Chrome drops a keyframe whose timestamp is behind the last decoded.
      expect(
        (after.timestamp - before.timestamp) >>> 0 < 2 ** 31 &&
          after.timestamp !== before.timestamp,
      ).toBe(true);
    }
    // Across the switch, the timestamp advanced by the wall-clock time between the two packets.
    expect((peer.sent[5]!.timestamp - peer.sent[4]!.timestamp) >>> 0).toBe(
      Math.round(((2000 - 1132) * 90_000) / 1000),
    );
    expect(isNewer(peer.sent[9]!.sequenceNumber, peer.sent[0]!.sequenceNumber)).toBe(true);
    await media.close();
  });
});
