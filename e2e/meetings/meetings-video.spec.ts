/**
 * Video across renegotiations in meetings made with the Chime SDK Meetings client, as ordinary
 * Chime apps use them: a camera turned on, off and on again is seen by the other side each time; a
 * content share after a stopped camera; a camera started with the session (its input acquired
 * before start(), its tile started while the session connects), so the first offer carries video.
 */
import { expect, test } from '@playwright/test';
import { CreateMeetingWithAttendeesCommand } from '@aws-sdk/client-chime-sdk-meetings';
import { call, eventAt, expectFramesGrowing, started, tileOf } from '../media/testing/harness-page';
import { joinAs, meetingWith, useMeetingsTestServer } from './testing/meetings-spec-setup';

const server = useMeetingsTestServer();
test('a camera turned on, off and on again is seen by the other side each time', async ({
  browser,
}) => {
  const {
    attendees: [alice],
    pages: [a, b],
  } = await meetingWith(browser, server(), ['alice', 'bob']);
  for (let round = 0; round < 3; round++) {
    await call(a!, 'startVideo');
    await expectFramesGrowing(b!, alice!.AttendeeId!);
    await call(a!, 'stopVideo');
    await expect.poll(() => tileOf(b!, alice!.AttendeeId!)).toBeUndefined();
  }
});

test('a content share after the camera was on and stopped reaches the other side', async ({
  browser,
}) => {
  const {
    attendees: [alice],
    pages: [a, b],
  } = await meetingWith(browser, server(), ['alice', 'bob']);
  await call(a!, 'startVideo');
  await expectFramesGrowing(b!, alice!.AttendeeId!);
  await call(a!, 'stopVideo');
  await expect.poll(() => tileOf(b!, alice!.AttendeeId!)).toBeUndefined();

  await call(a!, 'startContent');
  await expect.poll(() => eventAt(a!, 'contentShareDidStart')).toBeDefined();
  await expectFramesGrowing(b!, `${alice!.AttendeeId}#content`);
  expect((await tileOf(b!, `${alice!.AttendeeId}#content`))!.content).toBe(true);
});

test('a camera started with the session (input before start()) flows from the first offer, both ways', async ({
  browser,
}) => {
  const s = server();
  const { Meeting, Attendees } = await s.chime.send(
    new CreateMeetingWithAttendeesCommand({
      MediaRegion: 'eu-west-2',
      ExternalMeetingId: 'video-first',
      Attendees: [{ ExternalUserId: 'alice' }, { ExternalUserId: 'bob' }],
    }),
  );
  const [alice, bob] = Attendees!;
  const a = await joinAs(browser, s, Meeting!, alice!, { videoAtStart: true });
  const b = await joinAs(browser, s, Meeting!, bob!, { videoAtStart: true });
  await Promise.all([started(a), started(b)]);
  // The camera was asked for before the session was up, so its first SUBSCRIBE already offered it.
  expect(await eventAt(a, 'startLocalVideoTile')).toBeLessThan(
    (await eventAt(a, 'audioVideoDidStart'))!,
  );
  await expectFramesGrowing(b, alice!.AttendeeId!);
  await expectFramesGrowing(a, bob!.AttendeeId!);
});
