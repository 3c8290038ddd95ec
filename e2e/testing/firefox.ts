/**
 * Debian's firefox-esr as a customer's browser, driven over WebDriver BiDi by puppeteer-core
 * (Playwright can only drive its own patched Firefox builds, which cannot be downloaded here). Fake
 * camera and microphone, no permission prompts, loopback ICE candidates and autoplay allowed:
 * Firefox's equivalents of the Chromium flags in chromium.ts. scripts/ensure-chromium.mjs installs
 * the browser; when it could not, `firefoxMissing()` says why and the specs skip with that reason.
 */
import { existsSync } from 'node:fs';
import type { Page as PlaywrightPage } from '@playwright/test';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { startXvfb } from './xvfb';

/** Where Debian installs Firefox ESR (FIREFOX_PATH overrides). */
export const firefoxPath = () => process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** Why Firefox cannot run here, or null when it can. */
export function firefoxMissing(): string | null {
  return existsSync(firefoxPath())
    ? null
    : `${firefoxPath()} is not installed (scripts/ensure-chromium.mjs installs Debian's firefox-esr when run as root)`;
}

/** Firefox preferences for calls between pages on one machine without prompts or devices. */
export const FIREFOX_PREFS: Record<string, unknown> = {
  // Fake camera (a moving test pattern) and microphone (a tone), granted without a prompt.
  'media.navigator.streams.fake': true,
  'media.navigator.permission.disabled': true,
  // getDisplayMedia without the picker (the fake device stands in for the screen).
  'media.getdisplaymedia.enabled': true,
  'permissions.default.camera': 1,
  'permissions.default.microphone': 1,
  // Host candidates on 127.0.0.1 (the media server listens on loopback), no mDNS names for them.
  'media.peerconnection.ice.loopback': true,
  'media.peerconnection.ice.obfuscate_host_addresses': false,
  'media.peerconnection.ice.default_address_only': false,
  // Remote audio plays without a click, as --autoplay-policy does for Chromium.
  'media.autoplay.default': 0,
  'media.autoplay.blocking_policy': 0,
  'media.autoplay.block-webaudio': false,
  // No first-run pages, updates or telemetry in a test run.
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'app.update.enabled': false,
};

/**
 * Starts Firefox ESR with the fake-media preferences: on a virtual X display when Xvfb is installed
 * (Firefox can capture a screen only when it has one: headless, getDisplayMedia fails with
 * NotFoundError), else headless. `canShareScreen` says which.
 */
/**
 * Launches Debian's Firefox over WebDriver BiDi. `audioDevice` (default true) gives it Firefox's
 * mock audio backend, as Chromium's fake devices stand in for hardware: headless on a machine
 * without sound, Firefox never runs an AudioContext (resume() waits forever), which is what `false`
 * keeps.
 */
export async function launchFirefox(
  options: { audioDevice?: boolean } = {},
): Promise<{ browser: Browser; canShareScreen: boolean }> {
  const puppeteer = (await import('puppeteer-core')).default;
  const xvfb = await startXvfb();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: firefoxPath(),
    headless: xvfb === null,
    env: { ...process.env, ...(xvfb ? { DISPLAY: xvfb.display } : {}) },
    extraPrefsFirefox: {
      ...FIREFOX_PREFS,
      'media.cubeb.force_mock_context': options.audioDevice !== false,
    },
    defaultViewport: { width: 1280, height: 800 },
  });
  if (xvfb) browser.once('disconnected', () => void xvfb.stop());
  return { browser, canShareScreen: xvfb !== null };
}

/** What to look for inside the page, shadow roots included. */
export type DeepTarget =
  | { testId: string }
  | { role: 'button' | 'dialog' | 'group' | 'region'; name: string }
  | { label: string }
  | { css: string };

/**
 * The first visible element matching `target`, searching every open shadow root (puppeteer's
 * locators do not know the widget's roles across shadow roots over BiDi). Accessible names are
 * read as the widget sets them: aria-label, aria-labelledby, or the text.
 */
export async function findDeep(page: Page, target: DeepTarget): Promise<ElementHandle | null> {
  const handle = await page.evaluateHandle(`(${FIND_DEEP})(${JSON.stringify(target)})`);
  const el = handle.asElement();
  if (!el) await handle.dispose();
  return el as ElementHandle | null;
}

// Plain JavaScript source, evaluated in the page: a function passed to evaluate would be compiled
// by the test's TypeScript loader first, which may add helpers (esbuild's __name) the page lacks.
const FIND_DEEP = `function findDeep(t) {
  const all = [];
  const walk = function (root) {
    for (const el of root.querySelectorAll('*')) {
      all.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  const nameOf = function (el) {
    const by = el.getAttribute('aria-labelledby');
    if (by) return (el.getRootNode().getElementById(by)?.textContent ?? '').trim();
    return (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
  };
  const roleOf = function (el) {
    if (el.hasAttribute('role')) return el.getAttribute('role');
    if (el.tagName === 'BUTTON') return 'button';
    const named = el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby');
    return el.tagName === 'SECTION' && named ? 'region' : '';
  };
  const labelled = function (el, label) {
    if (el.getAttribute('aria-label') === label) return true;
    if (!el.id) return false;
    const l = el.getRootNode().querySelector('label[for="' + el.id + '"]');
    return !!l && l.textContent.trim() === label;
  };
  const visible = function (el) {
    return el.getClientRects().length > 0;
  };
  return (
    all.find(function (el) {
      if (!visible(el)) return false;
      if ('testId' in t) return el.getAttribute('data-testid') === t.testId;
      if ('role' in t) return roleOf(el) === t.role && nameOf(el) === t.name;
      if ('label' in t) return labelled(el, t.label);
      return el.matches(t.css);
    }) ?? null
  );
}`;

/** Waits (polling) until `target` is there, then returns it. */
export async function waitDeep(page: Page, target: DeepTarget, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const el = await findDeep(page, target);
    if (el) return el;
    if (Date.now() > deadline)
      throw new Error(`not found within ${timeoutMs} ms: ${JSON.stringify(target)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Clicks `target` with a real (trusted) pointer click, as a customer would. */
export async function clickDeep(page: Page, target: DeepTarget, timeoutMs?: number) {
  const el = await waitDeep(page, target, timeoutMs);
  await el.click();
  await el.dispose();
}

/** Text content of `target` ('' when absent). */
export async function textDeep(page: Page, target: DeepTarget): Promise<string> {
  const el = await findDeep(page, target);
  if (!el) return '';
  const text = await el.evaluate((e) => e.textContent ?? '');
  await el.dispose();
  return text;
}

/**
 * Frames a `<video>` found by `target` has painted (0 when absent). Firefox counts nothing in
 * getVideoPlaybackQuality() for a MediaStream source (0 while the video plays at 15 fps), so there
 * its own painted-frames counter is read.
 */
export async function framesDeep(page: Page, target: DeepTarget): Promise<number> {
  const el = await findDeep(page, target);
  if (!el) return 0;
  const n = await el.evaluate(
    (v) =>
      (v as HTMLVideoElement).getVideoPlaybackQuality().totalVideoFrames ||
      ((v as { mozPaintedFrames?: number }).mozPaintedFrames ?? 0),
  );
  await el.dispose();
  return n;
}

/** Polls `read` until `ok` holds, failing with the last value seen after `timeoutMs`. */
export async function pollUntil<T>(
  what: string,
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (ok(last)) return last;
    if (Date.now() > deadline)
      throw new Error(`${what}: still ${JSON.stringify(last)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Records, in a Firefox page before any of its scripts run: every RTCPeerConnection (window.__pcs),
 * every captured track (window.__tracks) and the widget's cvc-state events (window.__states).
 */
export async function recordFirefoxPage(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(RECORDER);
}

const RECORDER = `(function () {
  window.__pcs = [];
  window.__tracks = [];
  window.__states = [];
  const Native = window.RTCPeerConnection;
  if (Native) {
    window.RTCPeerConnection = class extends Native {
      constructor(config) {
        super(config);
        window.__pcs.push(this);
      }
    };
  }
  const md = navigator.mediaDevices;
  if (md) {
    for (const name of ['getUserMedia', 'getDisplayMedia']) {
      const original = md[name] && md[name].bind(md);
      if (!original) continue;
      md[name] = async function (c) {
        const s = await original(c);
        window.__tracks.push(...s.getTracks());
        return s;
      };
    }
  }
  document.addEventListener('cvc-state', function (e) {
    window.__states.push(e.detail.state);
  });
})();`;

/** Inbound audio packets and decoded video frames over the Firefox page's live connections. */
export async function firefoxInbound(
  page: Page,
): Promise<{ audioPackets: number; videoFrames: number }> {
  return (await page.evaluate(`(async function () {
    const totals = { audioPackets: 0, videoFrames: 0 };
    for (const pc of window.__pcs || []) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach(function (s) {
        if (s.type !== 'inbound-rtp') return;
        if (s.kind === 'audio') totals.audioPackets += s.packetsReceived || 0;
        else if (s.kind === 'video') totals.videoFrames += s.framesDecoded || 0;
      });
    }
    return totals;
  })()`)) as { audioPackets: number; videoFrames: number };
}

/**
 * What each side of a Firefox media path reports, for a failure message. Video: Firefox's outbound
 * video (per connection: its state, SSRC, packets sent, frames encoded, keyframes, PLIs received)
 * and the other page's inbound video (SSRC, packets, frames received and decoded, keyframes, PLIs
 * sent). Audio: Firefox's outbound audio (packets and bytes sent) and its microphone tracks, and
 * the other page's inbound audio (packets, energy, concealed samples). Read twice, 2 s apart, so the
 * message says whether media was still moving.
 */
export async function mediaPathReport(
  firefox: Page,
  receiver: PlaywrightPage,
  kind: 'audio' | 'video',
): Promise<string> {
  const read = async () => ({
    firefoxOut: await firefox.evaluate(`(async function (kind) {
      const out = [];
      for (const pc of window.__pcs || []) {
        const row = { state: pc.connectionState, streams: [] };
        (await pc.getStats()).forEach(function (s) {
          if (s.type === 'outbound-rtp' && s.kind === kind)
            row.streams.push({
              ssrc: s.ssrc,
              packets: s.packetsSent,
              bytes: s.bytesSent,
              frames: s.framesEncoded,
              keyframes: s.keyFramesEncoded,
              plis: s.pliCount,
              size: kind === 'video' ? s.frameWidth + 'x' + s.frameHeight : undefined,
            });
        });
        out.push(row);
      }
      const tracks = (window.__tracks || [])
        .filter(function (t) { return t.kind === kind; })
        .map(function (t) {
          return { label: t.label, state: t.readyState, enabled: t.enabled, muted: t.muted };
        });
      return { pcs: out, tracks: tracks };
    })(${JSON.stringify(kind)})`),
    receiverIn: await receiver.evaluate(async (k) => {
      const out: unknown[] = [];
      for (const pc of (window as unknown as { __pcs?: RTCPeerConnection[] }).__pcs ?? []) {
        const row = { state: pc.connectionState, streams: [] as unknown[] };
        (await pc.getStats()).forEach((s: Record<string, unknown>) => {
          if (s.type !== 'inbound-rtp' || s.kind !== k) return;
          row.streams.push(
            k === 'video'
              ? {
                  ssrc: s.ssrc,
                  packets: s.packetsReceived,
                  received: s.framesReceived,
                  frames: s.framesDecoded,
                  dropped: s.framesDropped,
                  keyframes: s.keyFramesDecoded,
                  plis: s.pliCount,
                  nacks: s.nackCount,
                  lost: s.packetsLost,
                  width: s.frameWidth,
                }
              : {
                  ssrc: s.ssrc,
                  packets: s.packetsReceived,
                  lost: s.packetsLost,
                  energy: s.totalAudioEnergy,
                  level: s.audioLevel,
                  samples: s.totalSamplesReceived,
                  concealed: s.concealedSamples,
                  silentConcealed: s.silentConcealedSamples,
                },
          );
        });
        out.push(row);
      }
      return out;
    }, kind),
  });
  const first = await read();
  await new Promise((r) => setTimeout(r, 2000));
  const second = await read();
  return JSON.stringify({ first, second });
}
