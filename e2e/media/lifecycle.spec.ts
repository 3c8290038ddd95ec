/**
 * Content share, reconnect after the signaling socket is killed, meeting end, token security and
 * a three-party call with per-listener mixing — each asserted from real Chromium pages.
 */
import { expect, test } from '@playwright/test';
import {
  audioPackets,
  call,
  eventAt,
  harnessState,
  joinPage,
  started,
  tiles,
} from './testing/harness-page';
import { useMediaTestServer } from './testing/media-spec-setup';
import { joinTwo } from './testing/media-test-server';

const media = useMediaTestServer();

test('content share, reconnect after a dropped socket, then the meeting ends for everyone', async ({
  browser,
}) => {
  const server = media();
  const {
    meeting,
    attendees: [alice, bob],
    pages: [a, b],
  } = await joinTwo(browser, server);

  await call(a, 'startContent');
  await expect.poll(() => eventAt(a, 'contentShareDidStart')).toBeDefined();
  const content = async () => (await tiles(b)).find((t) => t.content);
  await expect.poll(async () => (await content())?.frames ?? 0).toBeGreaterThan(5);
  expect((await content())!.attendeeId).toBe(`${alice.AttendeeId}#content`);

  // Kill Bob's signaling socket like a network drop: the SDK reconnects and the call goes on.
  expect(server.killSockets(bob.JoinToken)).toBeGreaterThan(0);
  await expect
    .poll(
      async () =>
        (await harnessState(b)).events.filter(
          (e: { name: string }) => e.name === 'audioVideoDidStart',
        ).length,
    )
    .toBe(2);
  const packets = await audioPackets(b);
  await expect.poll(() => audioPackets(b)).toBeGreaterThan(packets + 25);
  await expect.poll(async () => (await content())?.frames ?? 0).toBeGreaterThan(5);

  // End: every client stops with MeetingEnded (code 5); later joins are refused the same way.
  server.media.endMeeting(meeting.MeetingId);
  for (const page of [a, b])
    await expect.poll(async () => (await harnessState(page)).stopStatus).toBe('5');
  expect(server.media.isMeetingActive(meeting.MeetingId)).toBe(false);
  const late = await joinPage(browser, server.harnessUrl, meeting, alice);
  await expect.poll(async () => (await harnessState(late)).stopStatus).toBe('5');
  expect(() => server.media.createAttendee(meeting.MeetingId, 'carol')).toThrow(/ended/);
});

test('a wrong token, or a token of another meeting, is refused and gets no media', async ({
  browser,
}) => {
  const server = media();
  const meeting = server.media.createMeeting();
  const other = server.media.createMeeting();
  const alice = server.media.createAttendee(meeting.MeetingId, 'alice');
  const stranger = server.media.createAttendee(other.MeetingId, 'stranger');
  const forged = {
    ...alice,
    JoinToken: alice.JoinToken.slice(0, -2) + (alice.JoinToken.endsWith('AA') ? 'BB' : 'AA'),
  };
  for (const attendee of [forged, stranger]) {
    const page = await joinPage(browser, server.harnessUrl, meeting, attendee);
    // 11 = SignalingBadRequest: terminal, no retry, never started.
    await expect.poll(async () => (await harnessState(page)).stopStatus).toBe('11');
    expect(await eventAt(page, 'audioVideoDidStart')).toBeUndefined();
  }
});

test('three people: everyone hears the two others through a per-listener mix', async ({
  browser,
}) => {
  const server = media();
  const meeting = server.media.createMeeting();
  const people = ['ann', 'ben', 'cat'].map((name) =>
    server.media.createAttendee(meeting.MeetingId, name),
  );
  const pages = [];
  for (const p of people) pages.push(await joinPage(browser, server.harnessUrl, meeting, p));
  await Promise.all(pages.map(started));
  for (const page of pages) {
    await expect
      .poll(async () => Object.values((await harnessState(page)).presence).filter(Boolean).length)
      .toBe(3);
    const before = await audioPackets(page);
    await expect.poll(() => audioPackets(page)).toBeGreaterThan(before + 50);
  }
  // The fake microphone beeps: each listener's volume indicator shows the others talking.
  for (const [i, page] of pages.entries()) {
    const others = people.filter((_, j) => j !== i).map((p) => p.AttendeeId);
    await expect
      .poll(
        async () =>
          Object.keys((await harnessState(page)).volumes).filter((id) => others.includes(id))
            .length,
      )
      .toBe(2);
  }
});

test('six participants (the multi-party limit) are all present and all receive audio', async ({
  browser,
}) => {
  const server = media();
  test.setTimeout(180_000);
  const meeting = server.media.createMeeting();
  const people = Array.from({ length: 6 }, (_, i) =>
    server.media.createAttendee(meeting.MeetingId, `p${i}`),
  );
  const pages = [];
  for (const p of people) pages.push(await joinPage(browser, server.harnessUrl, meeting, p));
  await Promise.all(pages.map(started));
  for (const page of pages) {
    await expect
      .poll(async () => Object.values((await harnessState(page)).presence).filter(Boolean).length, {
        timeout: 30_000,
      })
      .toBe(6);
    const before = await audioPackets(page);
    await expect.poll(() => audioPackets(page)).toBeGreaterThan(before + 25);
  }
});
