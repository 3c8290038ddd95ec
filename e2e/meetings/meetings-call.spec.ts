/**
 * Meetings made with the official Chime SDK Meetings client against the local /aws, joined by the
 * unmodified Chime SDK in real Chromium: a tone heard and silence while muted (volume from the
 * server's audio metadata), a tile bound to the caller's ExternalUserId, and content share start,
 * pause, unpause and stop as the viewer sees it.
 */
import { expect, test } from '@playwright/test';
import { call, eventAt, harnessState, tiles } from '../media/testing/harness-page';
import { meetingWith, useMeetingsTestServer } from './testing/meetings-spec-setup';

const server = useMeetingsTestServer();

test('a tone is heard, and while muted the volume indicator reports silence', async ({
  browser,
}) => {
  const {
    attendees: [alice],
    pages: [a, b],
  } = await meetingWith(browser, server(), ['alice@example.com', 'bob@example.com']);
  const aliceId = alice!.AttendeeId!;
  const volume = async () => (await harnessState(b!)).volumeNow[aliceId];
  const now = () => b!.evaluate(() => performance.now());
  const heardSince = async (since: number) =>
    ((await harnessState(b!)).heardAt[aliceId] ?? -1) > since;

  // Chromium's fake microphone beeps: Bob decodes audible audio and the server reports Alice's
  // volume.
  const energy = (await call(b!, 'audioEnergy')) as number;
  await expect.poll(() => call(b!, 'audioEnergy') as Promise<number>).toBeGreaterThan(energy);
  await expect.poll(() => heardSince(0)).toBe(true);

  await call(a!, 'mute');
  await expect.poll(async () => (await harnessState(b!)).muted[aliceId]).toBe(true);
  await expect.poll(volume).toBe(0);
  // Silence holds while muted: over two seconds (four beeps of the fake microphone) nothing is
  // heard.
  const mutedAt = await now();
  await b!.waitForTimeout(2_000);
  expect(await heardSince(mutedAt)).toBe(false);

  const unmutedAt = await now();
  await call(a!, 'unmute');
  await expect.poll(async () => (await harnessState(b!)).muted[aliceId]).toBe(false);
  await expect.poll(() => heardSince(unmutedAt)).toBe(true);
});

test('a camera tile is bound to the attendee and the ExternalUserId the caller gave CreateMeetingWithAttendees', async ({
  browser,
}) => {
  const {
    attendees: [alice],
    pages: [a, b],
  } = await meetingWith(browser, server(), ['Alice Example (support)', 'bob']);
  await call(a!, 'startVideo');
  await expect
    .poll(async () => (await tiles(b!)).find((t) => !t.content)?.frames ?? 0)
    .toBeGreaterThan(5);
  const tile = (await tiles(b!)).find((t) => !t.content)!;
  expect([tile.attendeeId, tile.externalUserId]).toEqual([
    alice!.AttendeeId,
    'Alice Example (support)',
  ]);
});

test('content share: start, pause (the viewer sees black), unpause (the picture returns), stop (the tile goes)', async ({
  browser,
}) => {
  const {
    attendees: [alice],
    pages: [a, b],
  } = await meetingWith(browser, server(), ['alice', 'bob']);
  const contentId = `${alice!.AttendeeId}#content`;
  const content = async () => (await tiles(b!)).find((t) => t.attendeeId === contentId);
  const brightness = () => call(b!, 'tileBrightness', contentId) as Promise<number | undefined>;

  await call(a!, 'startContent');
  await expect.poll(() => eventAt(a!, 'contentShareDidStart')).toBeDefined();
  await expect.poll(async () => (await content())?.frames ?? 0).toBeGreaterThan(5);
  expect((await content())!).toMatchObject({ content: true, externalUserId: 'alice' });
  await expect.poll(brightness).toBeGreaterThan(40);

  await call(a!, 'pauseContent');
  await expect.poll(() => eventAt(a!, 'contentShareDidPause')).toBeDefined();
  await expect.poll(brightness, { message: 'content tile while paused' }).toBeLessThan(5);
  expect(await content()).toBeDefined();

  await call(a!, 'unpauseContent');
  await expect.poll(() => eventAt(a!, 'contentShareDidUnpause')).toBeDefined();
  await expect.poll(brightness).toBeGreaterThan(40);

  await call(a!, 'stopContent');
  await expect.poll(() => eventAt(a!, 'contentShareDidStop')).toBeDefined();
  await expect.poll(content).toBeUndefined();
});
