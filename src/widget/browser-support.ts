/**
 * Can this browser make a call at all? Known before Join, so the customer is told on the pre-call
 * screen what to do instead of meeting "The call could not connect" after a failed start. Checked
 * in the call UI chunk (loaded when the widget opens), never in the launcher. Three cases:
 *  - an insecure origin (http:// other than localhost): browsers hide the camera and microphone
 *    there;
 *  - no `getUserMedia` (some apps' built-in web views): no camera or microphone to call with;
 *  - no WebRTC (`RTCPeerConnection`/`RTCRtpSender` missing, e.g. WebKitGTK built without it): the
 *    Chime SDK cannot connect.
 */

/** Why this browser cannot call, or null when it can. */
export type BrowserProblem = 'insecure-origin' | 'no-media-devices' | 'no-webrtc';

/** The globals the check reads (a window; a plain object in tests). */
export interface BrowserGlobals {
  isSecureContext?: boolean;
  RTCPeerConnection?: unknown;
  RTCRtpSender?: unknown;
  navigator?: { mediaDevices?: { getUserMedia?: unknown } };
}

/** The first reason this browser cannot make a video call, or null. */
export function browserProblem(
  w: BrowserGlobals = globalThis as BrowserGlobals,
): BrowserProblem | null {
  // First: on an insecure origin mediaDevices is missing too, and the fix (HTTPS) is the site's.
  if (w.isSecureContext === false) return 'insecure-origin';
  if (typeof w.navigator?.mediaDevices?.getUserMedia !== 'function') return 'no-media-devices';
  if (typeof w.RTCPeerConnection !== 'function' || typeof w.RTCRtpSender !== 'function')
    return 'no-webrtc';
  return null;
}

/**
 * Whether this browser can share a screen: `getDisplayMedia` is missing on iOS and Android
 * browsers, where the Share screen button is then not offered at all (rather than failing when
 * pressed).
 */
export function screenCaptureAvailable(
  w: BrowserGlobals & { navigator?: { mediaDevices?: { getDisplayMedia?: unknown } } } = globalThis,
): boolean {
  return typeof w.navigator?.mediaDevices?.getDisplayMedia === 'function';
}
