import { describe, expect, it } from 'vitest';
import { documentPip } from './pip-support';

const api = { requestWindow: async () => ({}) as Window };
/** A window-like object: `top` is itself unless it is a frame. */
const win = (extra: object, frame = false) => {
  const w = { ...extra } as Record<string, unknown>;
  w.top = frame ? {} : w;
  return w as unknown as Window;
};

describe('documentPip', () => {
  it('is the browser API in a top-level page that has it (Chromium 116+)', () => {
    expect(documentPip(win({ documentPictureInPicture: api }))).toBe(api);
  });

  it('is null without the API (Firefox, WebKit), with a partial one, or inside a frame', () => {
    expect(documentPip(win({}))).toBeNull();
    expect(documentPip(win({ documentPictureInPicture: {} }))).toBeNull();
    expect(documentPip(win({ documentPictureInPicture: api }, true))).toBeNull();
  });
});
