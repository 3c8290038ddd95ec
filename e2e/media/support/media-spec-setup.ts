/**
 * Shared setup of the media specs: one test-only media server per spec file (harness built first),
 * pages closed after each test, and a helper that puts two attendees of one meeting on two pages.
 */
import { test, type Browser } from '@playwright/test';
import { closePages, joinPage, started } from './harness-page';
import { buildHarness, startMediaTestServer, type MediaTestServer } from './media-test-server';

/** Registers the hooks and returns a getter for this spec file's server. */
export function useMediaTestServer(): () => MediaTestServer {
  let server: MediaTestServer | undefined;
  test.beforeAll(async () => {
    await buildHarness();
    server = await startMediaTestServer();
  });
  test.afterEach(closePages);
  test.afterAll(async () => server?.close());
  return () => {
    if (!server) throw new Error('the media test server is not running');
    return server;
  };
}

/** A new meeting with alice and bob joined on two pages, both started. */
export async function twoInOneMeeting(browser: Browser, server: MediaTestServer) {
  const meeting = server.media.createMeeting();
  const alice = server.media.createAttendee(meeting.MeetingId, 'alice');
  const bob = server.media.createAttendee(meeting.MeetingId, 'bob');
  const a = await joinPage(browser, server.harnessUrl, meeting, alice);
  const b = await joinPage(browser, server.harnessUrl, meeting, bob);
  await Promise.all([started(a), started(b)]);
  return { meeting, alice, bob, a, b };
}
