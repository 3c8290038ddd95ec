/**
 * Issue 10: what can be known before Join is said on opening. A shop on an origin the server does
 * not allow (another port on loopback, not in ALLOWED_ORIGINS) embeds the widget with backend-url
 * pointing at our server: opening the widget tells the customer, in customer words, that video
 * calls are not set up here, before any name is typed or Join pressed; the technical detail goes to
 * `cvc-error`.
 */
import { createServer } from 'node:http';
import { expect, test } from '@playwright/test';
import { freePort } from '../src/backend/testing/free-port';
import { base } from './testing/widget-support';

test('a page on an origin the server refuses is told so when the widget opens', async ({
  page,
}) => {
  // Another port on loopback is another origin (and the same address space, so Chromium lets it
  // call us).
  const port = await freePort();
  const shop = `http://127.0.0.1:${port}`;
  const html = `<!doctype html><html lang="en"><head><title>Foreign shop</title></head><body><main><h1>Foreign shop</h1></main>
    <script type="module" src="/connect-video-call.js"></script>
    <connect-video-call entry-point="default" backend-url="${base()}"></connect-video-call></body></html>`;
  // The widget's own files come from the shop's origin (a CDN would serve them); only /api is
  // cross-origin.
  const server = createServer(async (req, res) => {
    if (req.url === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    const upstream = await fetch(`${base()}${req.url}`);
    res
      .writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream',
      })
      .end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  try {
    const apiCalls: string[] = [];
    page.on(
      'request',
      (r) => r.url().startsWith(`${base()}/api/calls`) && apiCalls.push(r.method()),
    );
    await page.goto(`${shop}/`);
    await page.evaluate(() => {
      (window as unknown as { cvcErrors: unknown[] }).cvcErrors = [];
      document
        .querySelector('connect-video-call')!
        .addEventListener('cvc-error', (e) =>
          (window as unknown as { cvcErrors: unknown[] }).cvcErrors.push((e as CustomEvent).detail),
        );
    });
    await page.getByRole('button', { name: 'Start video call' }).click();
    const dialog = page.getByRole('dialog', { name: 'Video call' });
    await expect(dialog).toContainText('This website is not set up for video calls yet.');
    await expect(dialog.getByRole('button', { name: 'Join call' })).toHaveCount(0);
    await expect
      .poll(() =>
        page.evaluate(() =>
          (window as unknown as { cvcErrors: Array<{ name: string }> }).cvcErrors.map(
            (e) => e.name,
          ),
        ),
      )
      .toContain('OriginNotAllowed');
    expect(apiCalls).toEqual([]); // nothing was started
  } finally {
    await new Promise((r) => server.close(r));
  }
});
