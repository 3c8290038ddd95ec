import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { RtpHeader, RtpPacket } from 'werift';
import { MeetingRoom } from './meeting-room';
import type { MediaMeeting, MediaServiceEvents } from './media-service';
import { FrameType } from './signaling-frames';
import { RecordingMember } from './testing/recording-member';
import { MediaFaults } from './media-faults';
import pino from 'pino';

const meeting = { MeetingId: 'm-1' } as MediaMeeting;
const streamsOf = (m: RecordingMember) =>
  m.ofType(FrameType.AUDIO_STREAM_ID_INFO).map((f) => f.audioStreamIdInfo!.streams);

describe('MeetingRoom', () => {
  let room: MeetingRoom;
  let events: Array<[string, unknown]>;
  afterEach(() => room.close());

  function newRoom() {
    const emitter = new EventEmitter<MediaServiceEvents>();
    events = [];
    emitter.on('attendee-joined', (e) => events.push(['joined', e]));
    emitter.on('attendee-left', (e) => events.push(['left', e]));
    room = new MeetingRoom(meeting, emitter, new MediaFaults(pino({ level: 'silent' })));
  }

  it('sends a newcomer the INDEX on join and announces presence both ways after its first answer', () => {
    newRoom();
    const [a, b] = [new RecordingMember('a'), new RecordingMember('b')];
    room.admit(a, 1);
    room.announce(a);
    room.admit(b, 2);
    expect(b.ofType(FrameType.INDEX)).toHaveLength(1);
    expect(b.ofType(FrameType.INDEX)[0]!.index!.numParticipants).toBe(2);
    room.announce(b);
    room.announce(b); // only the first time counts
    expect(streamsOf(b)).toEqual([
      [
        expect.objectContaining({ attendeeId: 'a', audioStreamId: 1 }),
        expect.objectContaining({ attendeeId: 'b', audioStreamId: 2 }),
      ],
    ]);
    expect(streamsOf(a).at(-1)).toEqual([
      expect.objectContaining({ attendeeId: 'b', audioStreamId: 2 }),
    ]);
    expect(events.map(([e]) => e)).toEqual(['joined', 'joined']);
  });

  it('replaces a reconnecting session silently and another device with AUDIO_STATUS 301', () => {
    newRoom();
    const first = new RecordingMember('a');
    room.admit(first, 7);
    const reconnect = new RecordingMember('a');
    room.admit(reconnect, 7);
    expect(first.replacedWith).toBe(true);
    expect(first.ofType(FrameType.AUDIO_STATUS)).toEqual([]);
    const otherTab = new RecordingMember('a');
    room.admit(otherTab, 8);
    expect(reconnect.replacedWith).toBe(false);
    expect(reconnect.ofType(FrameType.AUDIO_STATUS)[0]!.audioStatus!.audioStatus).toBe(301);
  });

  it("publishes video with increasing ids, forwards packets to every member, and drops a leaver's video from the INDEX", () => {
    newRoom();
    const [a, b] = [new RecordingMember('a'), new RecordingMember('b')];
    room.admit(a, 1);
    room.admit(b, 2);
    room.announce(a);
    room.announce(b);
    room.media.attach(b);
    const source = room.media.publish(a);
    expect(room.media.publish(b).streamId).toBeGreaterThan(source.streamId);
    const packet = new RtpPacket(new RtpHeader({ ssrc: 5 }), Buffer.alloc(1));
    room.media.forwardVideo(source.streamId, 5, { sequenceNumber: 1, timestamp: 1 }, packet, 0);
    expect(b.videos).toEqual([{ streamId: source.streamId, packet }]);
    room.media.requestKeyframe(source.streamId, true);
    expect(a.keyframeRequests).toBe(1);

    room.remove(a, true);
    room.remove(a, true); // idempotent
    expect(streamsOf(b).at(-1)).toEqual([{ audioStreamId: 1, dropped: true }]);
    expect(
      b
        .ofType(FrameType.INDEX)
        .at(-1)!
        .index!.sources!.map((s) => s.attendeeId),
    ).toEqual(['b']);
    expect(room.media.hasVideo(source.streamId)).toBe(false);
    expect(events.filter(([e]) => e === 'left')).toEqual([
      ['left', { meetingId: 'm-1', attendeeId: 'a', dropped: true }],
    ]);
  });

  it('fans data messages out to everyone but the sender, retains those with a lifetime for late joiners, and ends with 410', () => {
    newRoom();
    const [a, b] = [new RecordingMember('a'), new RecordingMember('b')];
    room.admit(a, 1);
    room.admit(b, 2);
    room.sendData(
      [
        {
          topic: 't',
          data: new Uint8Array([1]),
          lifetimeMs: 10_000,
          senderAttendeeId: 'a',
          senderExternalUserId: 'a',
        },
      ],
      'a',
    );
    expect(a.ofType(FrameType.DATA_MESSAGE)).toEqual([]);
    expect(
      b.ofType(FrameType.DATA_MESSAGE)[0]!.dataMessage!.messages![0]!.ingestTimeNs,
    ).toBeGreaterThan(0);
    const late = new RecordingMember('c');
    room.admit(late, 3);
    expect(
      late.ofType(FrameType.DATA_MESSAGE)[0]!.dataMessage!.messages!.map((m) => m.topic),
    ).toEqual(['t']);
    room.end();
    expect(room.ended).toBe(true);
    for (const m of [a, b, late])
      expect(m.ofType(FrameType.AUDIO_STATUS).at(-1)!.audioStatus!.audioStatus).toBe(410);
  });
});
