/**
 * Fault isolation across meetings, through the real media server with synthetic attendees (werift
 * peers speaking the Chime protocol): meeting A's audio mix gets encoders that throw, and listeners
 * of A's events throw. A's members lose their media; meeting B's audio and video keep flowing,
 * the process has no uncaught exception (Vitest fails a run that has one), and every fault is
 * counted.
 */
import { createServer } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { createMediaServer } from './create-media-server';
import { MediaFaults } from './media-faults';
import { FRAME_SAMPLES } from './opus-codec';
import { FaultyCodecs } from './testing/faulty-parts';
import { recordingLogger } from '../server-common/testing/recording-logger';
import { DeliveryTracker } from './testing/synthetic/delivery-tracker';
import { MediaClock } from './testing/synthetic/media-clock';
import { opusNoiseFrames, readIvf } from './testing/synthetic/media-fixtures';
import { SyntheticAttendee } from './testing/synthetic/synthetic-attendee';

const http = createServer((_req, res) => res.writeHead(404).end());
afterAll(() => new Promise<void>((r) => http.close(() => r())));

describe('a fault in one meeting', () => {
  it("ends that meeting's media only: the other meeting keeps audio and video flowing", async () => {
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    const { port } = http.address() as { port: number };
    const { logger, records } = recordingLogger();
    const faults = new MediaFaults(logger);
    const codecs = new FaultyCodecs();
    const media = createMediaServer({
      publicUrl: `http://127.0.0.1:${port}`,
      logger,
      faults,
      codecs,
    });
    http.on('upgrade', (req, socket, head) => {
      if (!media.handleUpgrade(req, socket, head)) socket.destroy();
    });
    const [a, b] = [media.createMeeting(), media.createMeeting()];
    media.events.on('attendee-left', ({ meetingId }) => {
      if (meetingId === a.MeetingId) throw new Error('injected listener failure');
    });
    const tracker = new DeliveryTracker();
    const pairOf = (meeting: typeof a, call: number) => {
      const [x, y] = [
        media.createAttendee(meeting.MeetingId, `x${call}`),
        media.createAttendee(meeting.MeetingId, `y${call}`),
      ];
      return [
        new SyntheticAttendee(meeting, x, call, y.AttendeeId, tracker),
        new SyntheticAttendee(meeting, y, call, x.AttendeeId, tracker),
      ];
    };
    const inA = pairOf(a, 0);
    const inB = pairOf(b, 1);
    const everyone = [...inA, ...inB];
    const clock = new MediaClock(opusNoiseFrames(), readIvf());
    const total = (kind: 'audio' | 'video', of: SyntheticAttendee[]) =>
      of.reduce((sum, p) => sum + p.receivedCounts()[kind], 0);
    try {
      await Promise.all(everyone.map((p) => p.start()));
      everyone.forEach((p) => clock.add(p));
      await expect.poll(() => everyone.every((p) => p.receiving), { timeout: 20_000 }).toBe(true);

      // A prompt makes meeting A mix (and encode) for each listener: every encode throws.
      codecs.failEncode = true;
      const prompt = media.playAudio(a.MeetingId, new Int16Array(FRAME_SAMPLES * 25).fill(3000));
      await expect.poll(() => faults.snapshot().bySource['audio-member'] ?? 0).toBe(2);
      await prompt;
      const aAudio = total('audio', inA);
      const bBefore = { audio: total('audio', inB), video: total('video', inB) };
      await new Promise((r) => setTimeout(r, 1_500));

      // B: ~50 audio packets/s each way and the camera, untouched by A's faults.
      expect(total('audio', inB) - bBefore.audio).toBeGreaterThan(100);
      expect(total('video', inB) - bBefore.video).toBeGreaterThan(20);
      // A: both members were ended (their sockets closed), so nothing reaches them any more.
      expect(total('audio', inA) - aAudio).toBeLessThan(5);
      expect(media.isMeetingActive(b.MeetingId)).toBe(true);
      expect(faults.snapshot().bySource).toMatchObject({ 'audio-member': 2, 'meeting-event': 2 });
      const logged = records.filter((r) => r.msg === 'media fault contained');
      expect(logged.every((r) => r.meetingId === a.MeetingId)).toBe(true);
    } finally {
      clock.stop();
      await Promise.all(everyone.map((p) => p.stop()));
      await media.close();
    }
  });
});
