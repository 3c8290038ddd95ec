/**
 * Shared setup of the Meetings API specs: one server per spec file (harness page built by the
 * global setup), meetings and attendees made with the official Chime SDK Meetings client, and
 * harness pages that join them with the unmodified Chime SDK (closed after each test).
 */
import { test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import {
  CreateAttendeeCommand,
  CreateMeetingWithAttendeesCommand,
  type Attendee,
  type Meeting,
} from '@aws-sdk/client-chime-sdk-meetings';
import type { JoinOptions } from '../../harness/harness';
import { started } from '../../media/testing/harness-page';
import { startMeetingsTestServer, type MeetingsTestServer } from './meetings-test-server';

const opened: BrowserContext[] = [];

/** Registers the hooks and returns a getter for this spec file's server. */
export function useMeetingsTestServer(): () => MeetingsTestServer {
  let server: MeetingsTestServer | undefined;
  test.beforeAll(async () => {
    server = await startMeetingsTestServer();
  });
  test.afterEach(async () => {
    await Promise.all(opened.splice(0).map((c) => c.close().catch(() => undefined)));
  });
  test.afterAll(async () => server?.close());
  return () => {
    if (!server) throw new Error('the meetings test server is not running');
    return server;
  };
}

/**
 * Opens the harness in a fresh context and joins the meeting as that attendee (exactly the API's
 * response objects).
 */
export async function joinAs(
  browser: Browser,
  server: MeetingsTestServer,
  meeting: Meeting,
  attendee: Attendee,
  options: JoinOptions = {},
): Promise<Page> {
  const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
  opened.push(context);
  const page = await context.newPage();
  await page.goto(server.harnessUrl);
  await page.waitForFunction(() => 'harness' in window);
  await page.evaluate(
    ([m, a, o]) =>
      (window as unknown as { harness: { join(...args: unknown[]): Promise<void> } }).harness.join(
        m,
        a,
        o,
      ),
    [meeting, attendee, options] as const,
  );
  return page;
}

/**
 * CreateMeetingWithAttendees for these ExternalUserIds, every attendee joined on its own page and
 * started.
 */
export async function meetingWith(
  browser: Browser,
  server: MeetingsTestServer,
  externalUserIds: string[],
  options: JoinOptions = {},
) {
  const { Meeting, Attendees } = await server.chime.send(
    new CreateMeetingWithAttendeesCommand({
      MediaRegion: 'us-east-1',
      ExternalMeetingId: `spec-${Date.now()}`,
      Attendees: externalUserIds.map((ExternalUserId) => ({ ExternalUserId })),
    }),
  );
  const pages: Page[] = [];
  for (const attendee of Attendees!) {
    const page = await joinAs(browser, server, Meeting!, attendee, options);
    await started(page);
    pages.push(page);
  }
  return { meeting: Meeting!, attendees: Attendees!, pages };
}

/** One more attendee through CreateAttendee. */
export async function addAttendee(
  server: MeetingsTestServer,
  meeting: Meeting,
  externalUserId: string,
): Promise<Attendee> {
  const { Attendee: attendee } = await server.chime.send(
    new CreateAttendeeCommand({ MeetingId: meeting.MeetingId, ExternalUserId: externalUserId }),
  );
  return attendee!;
}
