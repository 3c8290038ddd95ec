/**
 * Fault isolation inside one media server, part by part: a codec, a socket, a clock tick or an
 * event listener that throws ends at most its member's or its meeting's media, is logged with the
 * meeting id and counted, and everything else goes on.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { RtpHeader, RtpPacket } from 'werift';
import { AudioEngine, type AudioListener } from './audio-engine';
import { FrameClock } from './frame-clock';
import { MediaFaults } from './media-faults';
import type { MediaMeeting, MediaServiceEvents } from './media-service';
import { MeetingRoom } from './meeting-room';
import { FRAME_SAMPLES, OpusEncoder } from './opus-codec';
import { FrameType } from './signaling-frames';
import { BrokenSocketMember, FaultyCodecs } from './testing/faulty-parts';
import { recordingLogger } from '../server-common/testing/recording-logger';
import { RecordingMember } from './testing/recording-member';

const tone = () =>
  Int16Array.from({ length: FRAME_SAMPLES }, (_, i) =>
    Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 48_000)),
  );

function listener(id: number, fail = () => false) {
  const sent: Buffer[] = [];
  const l: AudioListener = {
    id,
    send: (payload) => {
      if (fail()) throw new Error('injected socket failure');
      sent.push(payload);
    },
  };
  return { l, sent };
}

describe('AudioEngine fault isolation', () => {
  it("drops only the listener whose encoder throws; the others get every frame, another meeting's mix never notices", () => {
    const codecs = new FaultyCodecs();
    const faults: Array<number | undefined> = [];
    const engine = new AudioEngine({ now: () => 0, codecs, onFault: (id) => faults.push(id) });
    const other = new AudioEngine({ now: () => 0 });
    const people = [1, 2, 3].map((id) => listener(id));
    const elsewhere = [1, 2, 3].map((id) => listener(id));
    people.forEach((p) => engine.add(p.l));
    elsewhere.forEach((p) => other.add(p.l));
    const talker = new OpusEncoder();
    const packet = talker.encode(tone());
    talker.delete();
    engine.upstream(1, 5, { sequenceNumber: 1, timestamp: 0 }, packet);
    other.upstream(1, 5, { sequenceNumber: 1, timestamp: 0 }, packet);

    // listeners 2 and 3 hear talker 1 through an encoder; listener 1 hears silence
    codecs.failEncode = true;
    engine.tick();
    other.tick();
    codecs.failEncode = false;
    expect(faults).toEqual([2, 3]);
    expect(people.map((p) => p.sent.length)).toEqual([1, 0, 0]);
    expect(engine.mixing).toBe(false); // two of three left the mix
    for (let i = 0; i < 5; i++) {
      engine.tick();
      other.tick();
    }
    expect(people[0]!.sent.length).toBe(6);
    expect(elsewhere.map((p) => p.sent.length)).toEqual([6, 6, 6]);
    engine.close();
    other.close();
  });

  it('drops a talker whose decoder throws, and a listener whose socket throws, mid-frame', () => {
    const codecs = new FaultyCodecs();
    const faults: Array<number | undefined> = [];
    const engine = new AudioEngine({ now: () => 0, codecs, onFault: (id) => faults.push(id) });
    let socketBroken = false;
    const people = [listener(1), listener(2, () => socketBroken), listener(3), listener(4)];
    people.forEach((p) => engine.add(p.l));
    engine.upstream(4, 5, { sequenceNumber: 1, timestamp: 0 }, Buffer.from([0xf8, 0xff, 0xfe]));
    codecs.failDecode = true;
    socketBroken = true;
    engine.tick();
    codecs.failDecode = false;
    // Talker 4's decode threw (first loop), listener 2's send threw (second loop): both gone.
    expect(faults).toEqual([4, 2]);
    expect(people.map((p) => p.sent.length)).toEqual([1, 0, 1, 0]);
    engine.tick();
    expect(people.map((p) => p.sent.length)).toEqual([2, 0, 2, 0]);
    engine.close();
  });

  it('forwards to the other listener when one socket throws (two-party mode)', () => {
    const faults: Array<number | undefined> = [];
    const engine = new AudioEngine({ now: () => 0, onFault: (id) => faults.push(id) });
    const a = listener(1, () => true);
    const b = listener(2);
    engine.add(a.l);
    engine.add(b.l);
    engine.upstream(2, 5, { sequenceNumber: 1, timestamp: 0 }, Buffer.from([1, 2, 3]));
    expect(faults).toEqual([1]);
    engine.upstream(1, 5, { sequenceNumber: 1, timestamp: 0 }, Buffer.from([4])); // gone: ignored
    engine.tick();
    expect(b.sent).toHaveLength(1);
    engine.close();
  });
});

describe('FrameClock', () => {
  it('keeps ticking after a tick throws and reports the throw', async () => {
    let ticks = 0;
    const errors: unknown[] = [];
    const clock = new FrameClock(
      2,
      () => {
        ticks++;
        if (ticks === 2) throw new Error('injected tick failure');
      },
      (err) => errors.push(err),
    );
    clock.start();
    await expect.poll(() => ticks).toBeGreaterThan(10);
    clock.stop();
    expect(errors).toHaveLength(1);
    expect(clock.running).toBe(false);
  });
});

describe('MeetingRoom fault boundary', () => {
  const meeting = (id: string) => ({ MeetingId: id }) as MediaMeeting;

  it('ends only the member whose socket throws, logs it with the meeting id, counts it, and the fan-out reaches everyone else', () => {
    const { logger, records } = recordingLogger();
    const faults = new MediaFaults(logger);
    const events = new EventEmitter<MediaServiceEvents>();
    const room = new MeetingRoom(meeting('m-1'), events, faults);
    const broken = new BrokenSocketMember('broken');
    const [a, b] = [new RecordingMember('a'), new RecordingMember('b')];
    for (const [i, m] of [a, broken, b].entries()) {
      room.admit(m, i + 1);
      room.announce(m);
    }
    broken.broken = true;
    room.media.publish(a);
    room.broadcastIndex();
    expect(broken.terminated).toBe(true);
    expect(b.ofType(FrameType.INDEX).at(-1)!.index!.sources).toHaveLength(1);
    // The others heard that the broken member dropped.
    expect(b.ofType(FrameType.AUDIO_STREAM_ID_INFO).at(-1)!.audioStreamIdInfo!.streams).toEqual([
      { audioStreamId: 2, dropped: true },
    ]);
    expect(faults.snapshot()).toEqual({ total: 1, bySource: { 'signaling-send': 1 } });
    expect(records.find((r) => r.msg === 'media fault contained')).toMatchObject({
      meetingId: 'm-1',
      attendeeId: 'broken',
      source: 'signaling-send',
      err: expect.stringContaining('injected socket failure'),
    });
    room.close();
  });

  it("survives a listener of the room's events that throws, and a subscriber whose video delivery throws", () => {
    const faults = new MediaFaults(recordingLogger().logger);
    const events = new EventEmitter<MediaServiceEvents>();
    events.on('attendee-joined', () => {
      throw new Error('injected listener failure');
    });
    const room = new MeetingRoom(meeting('m-2'), events, faults);
    const publisher = new RecordingMember('pub');
    const badViewer = new RecordingMember('bad');
    badViewer.deliver = () => {
      throw new Error('injected delivery failure');
    };
    const viewer = new RecordingMember('viewer');
    for (const [i, m] of [publisher, badViewer, viewer].entries()) {
      room.admit(m, i + 1);
      room.media.attach(m);
    }
    expect(viewer.ofType(FrameType.INDEX)).not.toHaveLength(0); // admitted despite the listener
    const source = room.media.publish(publisher);
    const packet = new RtpPacket(new RtpHeader({ ssrc: 5 }), Buffer.alloc(1));
    room.media.forwardVideo(source.streamId, 5, { sequenceNumber: 1, timestamp: 1 }, packet, 0);
    room.media.forwardVideo(source.streamId, 5, { sequenceNumber: 2, timestamp: 1 }, packet, 0);
    expect(viewer.videos).toHaveLength(2);
    expect(badViewer.terminated).toBe(true);
    expect(publisher.terminated).toBe(false);
    expect(faults.snapshot().bySource).toEqual({ 'meeting-event': 3, 'rtp-video': 1 });
    room.close();
  });
});
