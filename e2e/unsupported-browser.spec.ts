/**
 * A browser that cannot call is told so before Join, with what to do, instead of failing after a
 * start: Chromium with WebRTC removed (as WebKitGTK ships, see webkit.spec.ts for the real one) and
 * with getUserMedia removed (as some apps' built-in web views). No call is placed, the host page
 * gets `cvc-error` UnsupportedBrowser, axe finds nothing. Screenshots at 1280x800 and 360x740 in
 * test-results/widget-screens/.
 */
import { expect, test } from '@playwright/test';
import { base, hostEvents, observeCustomerPage } from './testing/widget-support';
import { noAxeViolations } from './testing/widget-journey-support';

const cases = [
  {
    problem: 'no-webrtc',
    remove: () => {
      delete (window as Partial<Window & typeof globalThis>).RTCPeerConnection;
      delete (window as Partial<Window & typeof globalThis>).RTCRtpSender;
    },
    text: 'It lacks what video calls need (WebRTC). Open this page in an up-to-date Safari, Chrome, Firefox or Edge.',
    preview: true,
  },
  {
    problem: 'no-media-devices',
    remove: () => {
      Object.defineProperty(Navigator.prototype, 'mediaDevices', { get: () => undefined });
    },
    text: 'This app’s built-in browser cannot use your camera and microphone. Open this page in your browser (Safari, Chrome, Firefox or Edge).',
    preview: false,
  },
];

for (const c of cases) {
  for (const [width, height] of [
    [1280, 800],
    [360, 740],
  ] as const) {
    test(`${c.problem} at ${width}x${height}: told before Join, no call placed`, async ({
      browser,
    }) => {
      const ctx = await browser.newContext({
        viewport: { width, height },
        permissions: ['camera', 'microphone'],
      });
      const page = await ctx.newPage();
      await observeCustomerPage(page);
      await page.addInitScript(c.remove);
      const calls: string[] = [];
      page.on('request', (r) => r.method() === 'POST' && calls.push(r.url()));
      await page.goto(`${base()}/`);
      await page.getByRole('button', { name: 'Start video call' }).click();
      const dialog = page.getByRole('dialog', { name: 'Video call' });
      const notice = dialog.getByTestId('unsupported-browser');
      await expect(notice).toContainText('This browser cannot make video calls');
      await expect(notice).toContainText(c.text);
      await expect(notice).toBeInViewport({ ratio: 1 });
      await expect(dialog.getByRole('button', { name: 'Join call' })).toHaveCount(0);
      if (c.preview)
        await expect
          .poll(() =>
            dialog
              .getByTestId('camera-preview')
              .evaluate((v) => (v as HTMLVideoElement).videoWidth),
          )
          .toBeGreaterThan(0);
      else await expect(dialog.getByTestId('camera-preview')).toHaveCount(0);
      await page.screenshot({
        path: `test-results/widget-screens/unsupported-${c.problem}-${width}.png`,
      });
      await noAxeViolations(page);
      const errors = (await hostEvents(page)).filter((e) => e.type === 'cvc-error');
      expect(errors.map((e) => e.detail)).toEqual([
        { name: 'UnsupportedBrowser', message: c.problem },
      ]);
      expect(calls.filter((u) => u.includes('/api/calls'))).toEqual([]);
      await ctx.close();
    });
  }
}
