/**
 * Where the media-effect files live: `media/` next to the widget's `chunks/` folder on the widget's
 * own origin (scripts/build/media-assets.ts copies them there), so a widget embedded in a foreign
 * page still loads them from where its script came from, and nothing comes from a third party.
 */

/** The chunk's own URL, read through a variable so the bundler leaves the `new URL` below alone. */
const here: string = import.meta.url;

/** The folder of the effect files, ending in `/`. */
export function mediaBase(moduleUrl: string = here): string {
  return new URL('../media/', moduleUrl).href;
}

/** The URL of one effect file (e.g. `rnnoise.wasm`). */
export function mediaUrl(name: string, moduleUrl: string = here): string {
  return new URL(name, mediaBase(moduleUrl)).href;
}
