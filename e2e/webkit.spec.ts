/**
 * The widget in WebKit, as far as Debian's WebKitGTK 2.50 goes (e2e/testing/webkit.ts): the
 * launcher and the custom element in its shadow root, the call UI loading on a click, the pre-call
 * screen with WebKit's mock camera playing in the preview, and, since this build has no WebRTC, the
 * unsupported- browser notice in place of Join (with cvc-error UnsupportedBrowser for the host
 * page); Close returns to the launcher and releases the camera. No call can be placed here.
 * Skipped, with the reason printed, only where webkit2gtk-driver or xvfb is not installed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { startWebKit, webkitMissing, type WebKitSession } from './testing/webkit';
import { base } from './testing/widget-support';

const missing = webkitMissing();
if (missing) console.log(`WebKit run skipped: ${missing}`);
test.skip(missing !== null, missing ?? '');

let webkit: WebKitSession | undefined;
test.afterEach(async () => {
  await webkit?.close();
  webkit = undefined;
});

/** The widget's shadow root, as page script. */
const ROOT = `const root = document.querySelector('connect-video-call').shadowRoot;`;

/** Polls a page script until `ok` holds. */
async function until<T>(wk: WebKitSession, what: string, script: string, ok: (v: T) => boolean) {
  let last: T | undefined;
  await expect
    .poll(async () => ok((last = await wk.run<T>(script))), { message: what, timeout: 20_000 })
    .toBe(true);
  return last as T;
}

test('WebKitGTK: launcher and shadow root, pre-call with the mock camera, told no WebRTC before Join', async () => {
  test.setTimeout(120_000);
  webkit = await startWebKit();
  const wk = webkit;
  const version = execFileSync('dpkg-query', ['-W', '-f', '${Version}', 'libwebkit2gtk-4.1-0'], {
    encoding: 'utf8',
  });
  console.log(`WebKitGTK ${version}: ${wk.userAgent}`);
  await wk.goto(`${base()}/`);

  // What this WebKit has: camera and microphone (mock devices), no WebRTC.
  const features = await wk.run<Record<string, string | boolean>>(
    `return { secure: isSecureContext, peerConnection: typeof RTCPeerConnection, rtpSender: typeof RTCRtpSender,
      getUserMedia: typeof (navigator.mediaDevices && navigator.mediaDevices.getUserMedia) }`,
  );
  console.log(`WebKitGTK features: ${JSON.stringify(features)}`);
  expect(features).toMatchObject({ secure: true, getUserMedia: 'function' });

  // The launcher: the element is defined, renders its button in an open shadow root.
  const launcher = await until<string>(
    wk,
    'launcher',
    `const el = document.querySelector('connect-video-call');
     const b = customElements.get('connect-video-call') && el.shadowRoot && el.shadowRoot.querySelector('button.cvw-launcher');
     return b && !b.hidden ? b.textContent : '';`,
    (t) => t === 'Start video call',
  );
  expect(launcher).toBe('Start video call');
  await wk.run(`window.__events = [];
    for (const type of ['cvc-state', 'cvc-error'])
      document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));`);
  await wk.clickReturned(`${ROOT} return root.querySelector('button.cvw-launcher');`);

  // The call UI: a dialog in the shadow root, the mirrored preview playing WebKit's mock camera.
  await until<boolean>(
    wk,
    'dialog',
    `${ROOT} const d = root.querySelector('[role=dialog]'); return !!d && !d.hidden;`,
    (v) => v,
  );
  const preview = await until<{ width: number; playing: boolean }>(
    wk,
    'camera preview',
    `${ROOT} const v = root.querySelector('[data-testid=camera-preview]');
     return v ? { width: v.videoWidth, playing: !v.paused && v.readyState >= 2, mirrored: v.classList.contains('cvw-mirrored') } : { width: 0, playing: false };`,
    (p) => p.width > 0 && p.playing,
  );
  expect(preview).toMatchObject({ playing: true, mirrored: true });
  const tracks = await wk.run<string[]>(
    `${ROOT} const v = root.querySelector('[data-testid=camera-preview]');
     return v.srcObject.getTracks().map((t) => t.kind + ':' + t.label);`,
  );
  expect(tracks).toContain('video:Mock video device 1');

  // No WebRTC: said before Join, with what to do; no Join button; the host page is told why.
  const notice = await until<string>(
    wk,
    'unsupported notice',
    `${ROOT} const n = root.querySelector('[data-testid=unsupported-browser]'); return n ? n.textContent : '';`,
    (t) => t.length > 0,
  );
  expect(notice).toContain('This browser cannot make video calls');
  expect(notice).toContain('Open this page in an up-to-date Safari, Chrome, Firefox or Edge.');
  expect(
    await wk.run<number>(
      `${ROOT} return Array.from(root.querySelectorAll('button')).filter((b) => b.textContent === 'Join call').length;`,
    ),
  ).toBe(0);
  expect(await wk.run(`return window.__events.filter((e) => e.type === 'cvc-error')`)).toEqual([
    { type: 'cvc-error', detail: { name: 'UnsupportedBrowser', message: 'no-webrtc' } },
  ]);
  mkdirSync('test-results/widget-screens', { recursive: true });
  writeFileSync('test-results/widget-screens/webkitgtk-precall.png', await wk.screenshot());

  // Close: back to the launcher, the preview's camera released.
  await wk.run(
    `${ROOT} window.__previewTracks = root.querySelector('[data-testid=camera-preview]').srcObject.getTracks();`,
  );
  await wk.clickReturned(`${ROOT} return root.querySelector('[aria-label="Close video call"]');`);
  await until<boolean>(
    wk,
    'launcher back',
    `${ROOT} const b = root.querySelector('button.cvw-launcher'); return !b.hidden && !root.querySelector('[role=dialog]');`,
    (v) => v,
  );
  const states = await wk.run<string[]>(`return window.__previewTracks.map((t) => t.readyState);`);
  expect(states.length).toBeGreaterThan(0);
  expect(states.every((x) => x === 'ended')).toBe(true);
});
