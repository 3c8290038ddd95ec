/** Playwright helpers around the harness page's `window.harness`. */
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { MediaAttendee, MediaMeeting } from '../../../src/media-server/media-service';
import type { HarnessState, JoinOptions } from '../../harness/harness';
import { routeHarness } from '../../testing/harness-route';

/** What the harness page puts on `window` (see e2e/harness/harness.ts). */
type HarnessWindow = {
  harness: Record<string, (...args: unknown[]) => unknown> & { state: HarnessState };
};

/** A remote video tile as the harness page reports it, with the frames it has rendered so far. */
export interface HarnessTile {
  attendeeId: string;
  /** The tile's boundExternalUserId, as the SDK reports it. */
  externalUserId: string;
  content: boolean;
  frames: number;
  width: number;
  height: number;
}

const opened: BrowserContext[] = [];
const errors = new WeakMap<Page, string[]>();

/** Error lines the page's console printed (the SDK logs through console.error). */
export const consoleErrors = (page: Page): string[] => errors.get(page) ?? [];

/** Closes every page joinPage opened (call after each test: open calls load the 2 CPUs). */
export async function closePages(): Promise<void> {
  await Promise.all(opened.splice(0).map((c) => c.close().catch(() => undefined)));
}

/**
 * Opens the harness at `url` in a fresh context (own camera/mic permission; the page answered from
 * its build on any origin) and joins the meeting.
 */
export async function joinPage(
  browser: Browser,
  url: string,
  meeting: MediaMeeting,
  attendee: MediaAttendee,
  options: JoinOptions = {},
): Promise<Page> {
  const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
  opened.push(context);
  await routeHarness(context, url);
  const page = await context.newPage();
  errors.set(page, []);
  page.on('console', (m) => m.type() === 'error' && errors.get(page)!.push(m.text()));
  await page.goto(url);
  await page.waitForFunction(() => 'harness' in window);
  await page.evaluate(([m, a, o]) => (window as unknown as HarnessWindow).harness.join!(m, a, o), [
    meeting,
    attendee,
    options,
  ] as const);
  return page;
}

// Each function below runs in the page, so it reaches the harness through `window` itself.
/** Waits until the page's Chime session has fired audioVideoDidStart. */
export const started = (page: Page) =>
  page.waitForFunction(
    () => (window as unknown as HarnessWindow).harness.eventAt!('audioVideoDidStart') !== undefined,
  );
/** The page's remote video tiles, with sizes and frame counts. */
export const tiles = (page: Page) =>
  page.evaluate(() => (window as unknown as HarnessWindow).harness.tiles!() as HarnessTile[]);
/** How many audio packets the page has received so far (WebRTC inbound statistics). */
export const audioPackets = (page: Page) =>
  page.evaluate(
    () => (window as unknown as HarnessWindow).harness.audioPackets!() as Promise<number>,
  );
/** The harness page's recorded state: events, presence and volumes as its observers saw them. */
export const harnessState = (page: Page) =>
  page.evaluate(() => (window as unknown as HarnessWindow).harness.state);
/**
 * When (page `performance.now()`) the harness first recorded event `name`; undefined if it never
 * did.
 */
export const eventAt = (page: Page, name: string) =>
  page.evaluate(
    (n) => (window as unknown as HarnessWindow).harness.eventAt!(n) as number | undefined,
    name,
  );
/** Calls any method of the page's harness by name, for the actions no typed helper covers. */
export const call = (page: Page, method: string, ...args: unknown[]) =>
  page.evaluate(
    ([m, a]) => (window as unknown as HarnessWindow).harness[m as string]!(...(a as unknown[])),
    [method, args] as const,
  );

/**
 * The viewer's tile of that attendee's video (`<id>#content` for their screen share), if it has
 * one.
 */
export const tileOf = async (page: Page, attendeeId: string) =>
  (await tiles(page)).find((t) => t.attendeeId === attendeeId);

/**
 * Waits until the viewer decodes new frames of that attendee's tile (a fresh tile after each
 * start).
 */
export async function expectFramesGrowing(viewer: Page, attendeeId: string): Promise<void> {
  await expect.poll(async () => (await tileOf(viewer, attendeeId))?.frames ?? 0).toBeGreaterThan(5);
  const first = (await tileOf(viewer, attendeeId))!.frames;
  await expect
    .poll(async () => (await tileOf(viewer, attendeeId))?.frames ?? 0)
    .toBeGreaterThan(first + 10);
}
