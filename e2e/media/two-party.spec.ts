/**
 * Two real Chromium pages with the unmodified Chime SDK in one meeting of the local media server:
 * join, presence, audio both ways, camera video both ways at ≥ 640×360, data messages.
 */
import { expect, test } from '@playwright/test';
import { audioPackets, call, consoleErrors, harnessState, tiles } from './testing/harness-page';
import { useMediaTestServer } from './testing/media-spec-setup';
import { joinTwo } from './testing/media-test-server';

const media = useMediaTestServer();

test('two attendees join, hear and see each other, and exchange data messages', async ({
  browser,
}) => {
  const server = media();
  const {
    meeting,
    attendees: [alice, bob],
    pages: [a, b],
  } = await joinTwo(browser, server);

  await expect
    .poll(async () => (await harnessState(a)).presence)
    .toMatchObject({ [alice.AttendeeId]: true, [bob.AttendeeId]: true });
  await expect
    .poll(async () => (await harnessState(b)).presence)
    .toMatchObject({ [alice.AttendeeId]: true, [bob.AttendeeId]: true });
  // JOIN_ACK carries TURN credentials as Chime's does (no TURN service here: no URIs,
  // host-candidate ICE).
  for (const page of [a, b])
    expect(consoleErrors(page).filter((e) => e.includes('TURN'))).toEqual([]);

  // Audio flows both ways and keeps flowing.
  const before = [await audioPackets(a), await audioPackets(b)];
  await expect.poll(() => audioPackets(a)).toBeGreaterThan(before[0]! + 50);
  await expect.poll(() => audioPackets(b)).toBeGreaterThan(before[1]! + 50);

  // Camera A → B first: with bandwidth feedback it reaches 640×360 within seconds (without, it sits
  // at 320×180).
  const remote = async (page: typeof a, attendeeId: string) =>
    (await tiles(page)).find((t) => t.attendeeId === attendeeId);
  await call(a, 'startVideo');
  await expect
    .poll(async () => (await remote(b, alice.AttendeeId))?.frames ?? 0)
    .toBeGreaterThan(10);
  await expect
    .poll(async () => (await remote(b, alice.AttendeeId))!.width, {
      timeout: 10_000,
      message: JSON.stringify(await call(a, 'outboundVideo')),
    })
    .toBeGreaterThanOrEqual(640);
  // Then B → A as well; both tiles keep decoding new frames.
  await call(b, 'startVideo');
  await expect.poll(async () => (await remote(a, bob.AttendeeId))?.frames ?? 0).toBeGreaterThan(10);
  for (const [page, other] of [
    [a, bob],
    [b, alice],
  ] as const) {
    const first = (await remote(page, other.AttendeeId))!.frames;
    await expect
      .poll(async () => (await remote(page, other.AttendeeId))!.frames)
      .toBeGreaterThan(first + 10);
  }

  // Data messages, with sender id and ingest time, no echo to the sender.
  await call(
    a,
    'sendData',
    'AMAZON_CONNECT_SCREEN_SHARING',
    JSON.stringify({ message: 'ScreenSharingStarted' }),
  );
  await expect
    .poll(async () => (await harnessState(b)).messages)
    .toEqual([
      expect.objectContaining({
        topic: 'AMAZON_CONNECT_SCREEN_SHARING',
        sender: alice.AttendeeId,
        throttled: false,
        text: '{"message":"ScreenSharingStarted"}',
      }),
    ]);
  expect((await harnessState(b)).messages[0]!.timestampMs).toBeGreaterThan(Date.now() - 60_000);
  expect((await harnessState(a)).messages).toEqual([]);

  // A server-originated message (the agent side's screen-sharing signal) reaches everyone but the
  // named sender.
  server.media.sendDataMessage(meeting.MeetingId, {
    topic: 'AMAZON_CONNECT_SCREEN_SHARING',
    data: '{"message":"ScreenSharingStopped"}',
    senderAttendeeId: bob.AttendeeId,
    senderExternalUserId: 'bob',
  });
  await expect
    .poll(async () => (await harnessState(a)).messages.map((m) => [m.sender, m.text]))
    .toEqual([[bob.AttendeeId, '{"message":"ScreenSharingStopped"}']]);
  expect((await harnessState(b)).messages).toHaveLength(1);

  // Mute state reaches the other side.
  await call(a, 'mute');
  await expect.poll(async () => (await harnessState(b)).muted[alice.AttendeeId]).toBe(true);
});
