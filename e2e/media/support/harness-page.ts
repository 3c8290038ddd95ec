/** Playwright helpers around the harness page's `window.harness`. */
import type { Browser, Page } from '@playwright/test';
import type { MediaAttendee, MediaMeeting } from '../../../src/server/media/media-service';

export interface HarnessTile {
  attendeeId: string;
  content: boolean;
  frames: number;
  width: number;
  height: number;
}

/** Opens the harness in a fresh context (own camera/mic permission) and joins the meeting. */
export async function joinPage(browser: Browser, url: string, meeting: MediaMeeting, attendee: MediaAttendee): Promise<Page> {
  const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => 'harness' in window);
  await page.evaluate(([m, a]) => (window as any).harness.join(m, a), [meeting, attendee] as const);
  return page;
}

export const started = (page: Page) => page.waitForFunction(() => (window as any).harness.eventAt('audioVideoDidStart') !== undefined);
export const tiles = (page: Page): Promise<HarnessTile[]> => page.evaluate(() => (window as any).harness.tiles());
export const audioPackets = (page: Page): Promise<number> => page.evaluate(() => (window as any).harness.audioPackets());
export const harnessState = (page: Page) => page.evaluate(() => (window as any).harness.state);
export const eventAt = (page: Page, name: string): Promise<number | undefined> => page.evaluate((n) => (window as any).harness.eventAt(n), name);
export const call = (page: Page, method: string, ...args: unknown[]) =>
  page.evaluate(([m, a]) => (window as any).harness[m as string](...(a as unknown[])), [method, args] as const);
