/**
 * Feature detection of Document Picture-in-Picture (Chromium 116+; Firefox 153 ESR exposes it too):
 * the call can pop out into an always-on-top window only where the browser has it and the widget is
 * in the top-level page (the API refuses frames). Elsewhere (WebKit) there is no Pop out; the
 * in-page bubble stays.
 */

/** The part of `window.documentPictureInPicture` the widget uses. */
export interface DocumentPip {
  /** Opens the window; needs a user activation (the Pop out press). */
  requestWindow(options?: { width?: number; height?: number }): Promise<Window>;
}

/** The browser's Document Picture-in-Picture for `win`, or null where the call cannot pop out. */
export function documentPip(win: Window = window): DocumentPip | null {
  const api = (win as { documentPictureInPicture?: DocumentPip }).documentPictureInPicture;
  return api && typeof api.requestWindow === 'function' && win.top === win ? api : null;
}
