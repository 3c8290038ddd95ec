/**
 * The Meetings API drives the real media server (whole local stack in-process, raw signaling
 * sockets speaking the Chime protocol): DeleteAttendee stops that attendee's connection with
 * AUDIO_STATUS 411 and its token is refused afterwards (4403); DeleteMeeting ends the meeting for
 * everyone (410) and later joins are refused with 4410 (MeetingEnded).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { once } from 'node:events';
import { WebSocket } from 'ws';
import {
  ChimeSDKMeetingsClient,
  CreateMeetingWithAttendeesCommand,
  DeleteAttendeeCommand,
  DeleteMeetingCommand,
} from '@aws-sdk/client-chime-sdk-meetings';
import { useLocalStack } from '../../backend/testing/use-local-stack';
import {
  decodeFrame,
  encodeFrame,
  FrameType,
  type SignalFrame,
} from '../../media-server/signaling-frames';

const local = useLocalStack();
let client: ChimeSDKMeetingsClient;
beforeAll(() => {
  client = new ChimeSDKMeetingsClient({
    endpoint: local.stack.emulatorUrl,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    maxAttempts: 1,
  });
});
afterAll(() => client?.destroy());

/** A signaling socket as the SDK opens it, JOINed, collecting decoded frames. */
async function joined(signalingUrl: string, token: string) {
  const ws = new WebSocket(signalingUrl, ['_aws_wt_session', token]);
  const frames: SignalFrame[] = [];
  ws.on('message', (data: Buffer) => frames.push(decodeFrame(data)));
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await once(ws, 'open');
  ws.send(encodeFrame({ type: FrameType.JOIN, join: { protocolVersion: 2, audioSessionId: 1 } }));
  return { ws, frames, closed };
}
const statuses = (frames: SignalFrame[]) =>
  frames.filter((f) => f.type === FrameType.AUDIO_STATUS).map((f) => f.audioStatus?.audioStatus);

it('DeleteAttendee removes that attendee only; DeleteMeeting ends the meeting for everyone', async () => {
  const { Meeting, Attendees } = await client.send(
    new CreateMeetingWithAttendeesCommand({
      MediaRegion: 'us-east-1',
      ExternalMeetingId: 'media-check',
      Attendees: [{ ExternalUserId: 'ada' }, { ExternalUserId: 'bob' }],
    }),
  );
  const url = Meeting!.MediaPlacement!.SignalingUrl!;
  const [ada, bob] = Attendees!;
  const a = await joined(url, ada!.JoinToken!);
  const b = await joined(url, bob!.JoinToken!);
  await expect
    .poll(
      () =>
        a.frames.some((f) => f.type === FrameType.JOIN_ACK) &&
        b.frames.some((f) => f.type === FrameType.JOIN_ACK),
    )
    .toBe(true);

  await client.send(
    new DeleteAttendeeCommand({ MeetingId: Meeting!.MeetingId, AttendeeId: bob!.AttendeeId }),
  );
  await expect.poll(() => statuses(b.frames)).toEqual([411]);
  const again = await joined(url, bob!.JoinToken!);
  expect(await again.closed).toBe(4403);
  expect(statuses(a.frames)).toEqual([]);

  await client.send(new DeleteMeetingCommand({ MeetingId: Meeting!.MeetingId }));
  await expect.poll(() => statuses(a.frames)).toEqual([410]);
  const late = await joined(url, ada!.JoinToken!);
  expect(await late.closed).toBe(4410);
  for (const s of [a, b]) s.ws.close();
});
