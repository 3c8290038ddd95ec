/**
 * One 1:1 call for the media benchmark: two harness pages in real Chromium joined to a meeting of
 * the real local media server, with helpers to start cameras and sample what each page receives.
 */
import type { Browser, Page } from '@playwright/test';
import { audioPackets, call, eventAt, tiles } from '../e2e/media/testing/harness-page';
import { joinTwo, type MediaTestServer } from '../e2e/media/testing/media-test-server';

/** How long one call took to set up: join, first remote video frame, and reaching 640 px wide. */
export interface CallTimings {
  joinMs: number;
  firstFrameMs: number;
  secondsTo640: number;
}

/**
 * What one page receives at one moment: video frame rate, audio packets per second, video width.
 */
export interface CallSample {
  fps: number;
  audioPacketsPerSecond: number;
  width: number;
}

/** Two real browser pages in one meeting, kept open while the bench samples what each receives. */
export class BenchCall {
  private constructor(
    readonly pages: [Page, Page],
    readonly ids: [string, string],
  ) {}

  /** Joins two pages; resolves once both have started. */
  static async open(browser: Browser, server: MediaTestServer): Promise<BenchCall> {
    const { attendees, pages } = await joinTwo(browser, server, ['bench-a', 'bench-b']);
    return new BenchCall(pages, [attendees[0].AttendeeId, attendees[1].AttendeeId]);
  }

  /** start() → audioVideoDidStart of the first page, in ms. */
  async joinMs(): Promise<number> {
    return (
      (await eventAt(this.pages[0], 'audioVideoDidStart'))! -
      (await eventAt(this.pages[0], 'start'))!
    );
  }

  /**
   * Starts A's camera and measures first decoded frame at B and the time until B receives 640×360.
   */
  async measureVideo(timeoutMs = 30_000): Promise<Omit<CallTimings, 'joinMs'>> {
    const [a, b] = this.pages;
    const t0 = Date.now();
    await call(a, 'startVideo');
    let firstFrameMs = NaN;
    let secondsTo640 = NaN;
    while (Date.now() - t0 < timeoutMs && Number.isNaN(secondsTo640)) {
      const tile = (await tiles(b)).find((t) => t.attendeeId === this.ids[0]);
      if (tile && tile.frames > 0 && Number.isNaN(firstFrameMs)) firstFrameMs = Date.now() - t0;
      if (tile && tile.width >= 640) secondsTo640 = (Date.now() - t0) / 1000;
      await new Promise((r) => setTimeout(r, 50));
    }
    return { firstFrameMs, secondsTo640 };
  }

  async startBothCameras(): Promise<void> {
    for (const page of this.pages)
      if ((await eventAt(page, 'startLocalVideoTile')) === undefined)
        await call(page, 'startVideo');
  }

  /** Decoded remote frames/s, audio packets/s and received width, per page, over `seconds`. */
  async sample(seconds: number): Promise<CallSample[]> {
    const read = () =>
      Promise.all(
        this.pages.map(async (p, i) => ({
          tile: (await tiles(p)).find((t) => t.attendeeId === this.ids[1 - i]),
          audio: await audioPackets(p),
        })),
      );
    const before = await read();
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const after = await read();
    const elapsed = (performance.now() - t0) / 1000;
    return after.map((x, i) => ({
      fps: ((x.tile?.frames ?? 0) - (before[i]!.tile?.frames ?? 0)) / elapsed,
      audioPacketsPerSecond: (x.audio - before[i]!.audio) / elapsed,
      width: x.tile?.width ?? 0,
    }));
  }

  async close(): Promise<void> {
    await Promise.all(this.pages.map((p) => p.context().close()));
  }
}
