/**
 * Fuzz kit: media that keeps flowing while the hostile cases run. A meeting made through the local
 * Chime SDK Meetings API (the official client, any credentials) with two synthetic attendees
 * (werift clients speaking Chime signaling) that send audio and a 640×360 camera to each other
 * through the media server. `stillFlowing()` proves that both received new audio and video packets
 * since the previous check, so a case that stalled the media path, not only one that killed it,
 * fails.
 */
import { randomUUID } from 'node:crypto';
import {
  ChimeSDKMeetingsClient,
  CreateMeetingWithAttendeesCommand,
} from '@aws-sdk/client-chime-sdk-meetings';
import type { MediaAttendee, MediaMeeting } from '../../../media-server/media-service';
import { DeliveryTracker } from '../../../media-server/testing/synthetic/delivery-tracker';
import { MediaClock } from '../../../media-server/testing/synthetic/media-clock';
import { opusNoiseFrames, readIvf } from '../../../media-server/testing/synthetic/media-fixtures';
import { SyntheticAttendee } from '../../../media-server/testing/synthetic/synthetic-attendee';

const FLOW_TIMEOUT_MS = 10_000;

/**
 * Starts two synthetic attendees exchanging media through the server; `stillFlowing()` checks the
 * fuzz cases did not stop it.
 */
export async function mediaInProgress(baseUrl: string) {
  const client = new ChimeSDKMeetingsClient({
    region: 'us-east-1',
    endpoint: `${baseUrl}/aws`,
    credentials: { accessKeyId: 'AKIDFUZZMEDIA', secretAccessKey: 'fuzz' },
  });
  const out = await client.send(
    new CreateMeetingWithAttendeesCommand({
      ClientRequestToken: randomUUID(),
      MediaRegion: 'us-east-1',
      ExternalMeetingId: 'fuzz-media-in-progress',
      Attendees: [{ ExternalUserId: 'fuzz-caller' }, { ExternalUserId: 'fuzz-agent' }],
    }),
  );
  client.destroy();
  const meeting = out.Meeting as unknown as MediaMeeting;
  const [a, b] = out.Attendees as unknown as [MediaAttendee, MediaAttendee];
  const tracker = new DeliveryTracker();
  const pair = [
    new SyntheticAttendee(meeting, a, 0, b.AttendeeId, tracker),
    new SyntheticAttendee(meeting, b, 0, a.AttendeeId, tracker),
  ];
  const clock = new MediaClock(opusNoiseFrames(), readIvf());
  await Promise.all(pair.map((p) => p.start()));
  pair.forEach((p) => clock.add(p));
  await waitFor(() => pair.every((p) => p.receiving), 'the media call never started');
  let last = pair.map((p) => p.receivedCounts());
  return {
    /**
     * Resolves once both attendees received fresh audio and video; throws if that takes too long.
     */
    async stillFlowing(): Promise<void> {
      const before = last;
      await waitFor(
        () =>
          pair.every(
            (p, i) =>
              p.receivedCounts().audio > before[i]!.audio &&
              p.receivedCounts().video > before[i]!.video,
          ),
        'media of the call in progress stopped flowing',
      );
      last = pair.map((p) => p.receivedCounts());
    },
    async close(): Promise<void> {
      clock.stop();
      await Promise.all(pair.map((p) => p.stop()));
    },
  };
}

async function waitFor(ok: () => boolean, failure: string): Promise<void> {
  const deadline = performance.now() + FLOW_TIMEOUT_MS;
  while (!ok()) {
    if (performance.now() > deadline) throw new Error(failure);
    await new Promise((r) => setTimeout(r, 10));
  }
}
