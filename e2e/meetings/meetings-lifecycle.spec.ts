/**
 * A meeting's life through the Chime SDK Meetings API, seen from real Chromium pages: DeleteMeeting
 * ends it for everyone and a rejoin fails (MeetingEnded); DeleteAttendee removes that attendee only
 * (AttendeeRemoved) and its join token stops working; a browser that goes offline and online again
 * (DevTools network emulation) reconnects and the call goes on.
 */
import { expect, test } from '@playwright/test';
import { DeleteAttendeeCommand, DeleteMeetingCommand } from '@aws-sdk/client-chime-sdk-meetings';
import { audioPackets, eventAt, harnessState } from '../media/testing/harness-page';
import {
  addAttendee,
  joinAs,
  meetingWith,
  useMeetingsTestServer,
} from './testing/meetings-spec-setup';

const server = useMeetingsTestServer();
// MeetingSessionStatusCode values of the SDK.
const MEETING_ENDED = '5';
const ATTENDEE_REMOVED = '22';
const SIGNALING_BAD_REQUEST = '11';

test('DeleteMeeting ends the meeting for everyone, and joining it again fails', async ({
  browser,
}) => {
  const s = server();
  const {
    meeting,
    attendees: [alice],
    pages,
  } = await meetingWith(browser, s, ['alice', 'bob']);
  await s.chime.send(new DeleteMeetingCommand({ MeetingId: meeting.MeetingId }));
  for (const page of pages)
    await expect.poll(async () => (await harnessState(page)).stopStatus).toBe(MEETING_ENDED);

  const rejoin = await joinAs(browser, s, meeting, alice!);
  await expect.poll(async () => (await harnessState(rejoin)).stopStatus).toBe(MEETING_ENDED);
  expect(await eventAt(rejoin, 'audioVideoDidStart')).toBeUndefined();
});

test('DeleteAttendee removes that attendee only; its join token no longer joins', async ({
  browser,
}) => {
  const s = server();
  const {
    meeting,
    attendees: [, bob],
    pages: [a, b],
  } = await meetingWith(browser, s, ['alice', 'bob']);
  await expect.poll(async () => (await harnessState(a!)).presence[bob!.AttendeeId!]).toBe(true);
  await s.chime.send(
    new DeleteAttendeeCommand({ MeetingId: meeting.MeetingId, AttendeeId: bob!.AttendeeId }),
  );
  await expect.poll(async () => (await harnessState(b!)).stopStatus).toBe(ATTENDEE_REMOVED);
  await expect.poll(async () => (await harnessState(a!)).presence[bob!.AttendeeId!]).toBe(false);
  expect((await harnessState(a!)).stopStatus).toBeUndefined();

  const rejoin = await joinAs(browser, s, meeting, bob!);
  await expect
    .poll(async () => (await harnessState(rejoin)).stopStatus)
    .toBe(SIGNALING_BAD_REQUEST);
  // The meeting itself goes on: a new attendee joins and Alice sees them.
  const carol = await addAttendee(s, meeting, 'carol');
  await joinAs(browser, s, meeting, carol);
  await expect.poll(async () => (await harnessState(a!)).presence[carol.AttendeeId!]).toBe(true);
});

test('a browser that goes offline and online again reconnects and the call goes on', async ({
  browser,
}) => {
  const {
    attendees: [alice, bob],
    pages: [a, b],
  } = await meetingWith(browser, server(), ['alice', 'bob']);
  const starts = async () =>
    (await harnessState(b!)).events.filter((e) => e.name === 'audioVideoDidStart').length;
  const cdp = await b!.context().newCDPSession(b!);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: true,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await expect
    .poll(
      async () =>
        (await harnessState(b!)).events.some(
          (e) =>
            e.name === 'audioVideoDidStartConnecting' &&
            (e.detail as { reconnecting: boolean }).reconnecting,
        ),
      { timeout: 60_000 },
    )
    .toBe(true);

  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await expect.poll(starts, { timeout: 60_000 }).toBe(2);
  const packets = await audioPackets(b!);
  await expect.poll(() => audioPackets(b!)).toBeGreaterThan(packets + 25);
  await expect.poll(async () => (await harnessState(a!)).presence[bob!.AttendeeId!]).toBe(true);
  await expect.poll(async () => (await harnessState(b!)).presence[alice!.AttendeeId!]).toBe(true);
  expect((await harnessState(b!)).stopStatus).toBeUndefined();
});
