import { describe, expect, it } from 'vitest';
import { browserProblem, type BrowserGlobals } from './browser-support';

const capable: BrowserGlobals = {
  isSecureContext: true,
  RTCPeerConnection: class {},
  RTCRtpSender: class {},
  navigator: { mediaDevices: { getUserMedia: () => undefined } },
};

describe('browserProblem', () => {
  it('finds nothing wrong with a secure page that has WebRTC and getUserMedia', () => {
    expect(browserProblem(capable)).toBeNull();
  });

  it('names an insecure origin first (there mediaDevices is missing too, and HTTPS is the fix)', () => {
    expect(browserProblem({ ...capable, isSecureContext: false, navigator: {} })).toBe(
      'insecure-origin',
    );
  });

  it('names a web view without getUserMedia', () => {
    expect(browserProblem({ ...capable, navigator: { mediaDevices: {} } })).toBe(
      'no-media-devices',
    );
    expect(browserProblem({ ...capable, navigator: {} })).toBe('no-media-devices');
  });

  it('names a browser without WebRTC (WebKitGTK: no RTCPeerConnection, no RTCRtpSender)', () => {
    expect(browserProblem({ ...capable, RTCPeerConnection: undefined })).toBe('no-webrtc');
    expect(browserProblem({ ...capable, RTCRtpSender: undefined })).toBe('no-webrtc');
  });
});
