/**
 * Video across renegotiations, from real Chromium pages with the unmodified Chime SDK: a camera
 * that stops and starts again is seen again each time (the viewer's offer then recycles the stopped
 * m-line position for a new mid), a content share after a stopped camera, and a camera started
 * before `start()`, so that the very first SUBSCRIBE carries video.
 */
import { expect, test } from '@playwright/test';
import {
  call,
  eventAt,
  expectFramesGrowing,
  harnessState,
  joinPage,
  started,
  tileOf,
} from './testing/harness-page';
import { useMediaTestServer } from './testing/media-spec-setup';
import { joinTwo } from './testing/media-test-server';
import type { MediaAttendee } from '../../src/media-server/media-service';

const media = useMediaTestServer();

test('a camera turned on, off and on again is seen by the other side each time', async ({
  browser,
}) => {
  const {
    attendees: [alice],
    pages: [a, b],
  } = await joinTwo(browser, media());
  for (let round = 0; round < 3; round++) {
    await call(a, 'startVideo');
    await expectFramesGrowing(b, alice.AttendeeId);
    await call(a, 'stopVideo');
    await expect.poll(() => tileOf(b, alice.AttendeeId)).toBeUndefined();
  }
});

test('a content share after a stopped camera reaches the other side', async ({ browser }) => {
  const {
    attendees: [alice],
    pages: [a, b],
  } = await joinTwo(browser, media());
  await call(a, 'startVideo');
  await expectFramesGrowing(b, alice.AttendeeId);
  await call(a, 'stopVideo');
  await expect.poll(() => tileOf(b, alice.AttendeeId)).toBeUndefined();

  await call(a, 'startContent');
  await expect.poll(() => eventAt(a, 'contentShareDidStart')).toBeDefined();
  await expectFramesGrowing(b, `${alice.AttendeeId}#content`);
  expect((await tileOf(b, `${alice.AttendeeId}#content`))!.content).toBe(true);
});

test('a camera started with the session flows, and flows again from the first offer after a reconnect', async ({
  browser,
}) => {
  test.setTimeout(180_000); // two joins and two reconnects, each followed by video both ways
  const server = media();
  const meeting = server.media.createMeeting();
  const [alice, bob] = ['alice', 'bob'].map((n) =>
    server.media.createAttendee(meeting.MeetingId, n),
  ) as [MediaAttendee, MediaAttendee];
  const a = await joinPage(browser, server.harnessUrl, meeting, alice, { videoAtStart: true });
  const b = await joinPage(browser, server.harnessUrl, meeting, bob, { videoAtStart: true });
  await Promise.all([started(a), started(b)]);
  await expectFramesGrowing(b, alice.AttendeeId);
  await expectFramesGrowing(a, bob.AttendeeId);

  // After a dropped socket the SDK builds a new peer connection whose very first offer carries the
  // running camera (and the viewer's subscription): both must flow again.
  for (const [page, who, viewer] of [
    [a, alice, b],
    [b, bob, a],
  ] as const) {
    expect(server.killSockets(who.JoinToken)).toBeGreaterThan(0);
    await expect
      .poll(
        async () =>
          (await harnessState(page)).events.filter((e) => e.name === 'audioVideoDidStart').length,
      )
      .toBe(2);
    await expectFramesGrowing(viewer, who.AttendeeId);
    await expectFramesGrowing(page, (who === alice ? bob : alice).AttendeeId);
  }
});
