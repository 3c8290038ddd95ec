/**
 * werift 0.24.4 settings that Chromium + amazon-chime-sdk-js 3.32 work with (signaling note §13):
 * no STUN servers (no outside network), ICE lite with host candidates only, max-bundle, one audio
 * codec (Opus) and one video codec (VP8) so the browser never picks something we cannot forward,
 * NACK/PLI/FIR and REMB for video (bandwidth-feedback.ts sends REMB so Chromium's estimate ramps
 * up to 640×360 and beyond within seconds instead of sitting at 320×180).
 */
import {
  RTCRtpCodecParameters,
  RTCRtpHeaderExtensionParameters,
  RTP_EXTENSION_URI,
  type RTCPeerConnectionConfig,
} from 'werift';

// Spelled out rather than werift's use*() helpers, which linters take for React hooks.
const VIDEO_FEEDBACK = [
  { type: 'nack' },
  { type: 'nack', parameter: 'pli' },
  { type: 'ccm', parameter: 'fir' },
  { type: 'goog-remb' },
];
const extension = (uri: string) => new RTCRtpHeaderExtensionParameters({ uri });

/** Peer-connection configuration; `iceAddress` is announced in addition to loopback. */
export function peerConfig(iceAddress: string | undefined): RTCPeerConnectionConfig {
  const hosts = [...new Set([iceAddress, '127.0.0.1'].filter((a): a is string => !!a))];
  return {
    iceServers: [],
    iceLite: true,
    bundlePolicy: 'max-bundle',
    iceUseIpv6: false,
    iceAdditionalHostAddresses: hosts,
    // Answer connectivity checks only where the browser's and our address are both loopback or both
    // not. Otherwise werift (ICE lite) nominated the first checked pair, e.g. our 127.0.0.1 socket
    // with the browser's LAN address, and everything it sent on it (DTLS, media) was lost.
    iceFilterStunResponse: (_message, addr, protocol) =>
      isLoopback(addr[0]) === isLoopback((protocol as { localIp?: string }).localIp ?? ''),
    codecs: {
      audio: [
        new RTCRtpCodecParameters({
          mimeType: 'audio/opus',
          clockRate: 48_000,
          channels: 2,
          parameters: 'minptime=10;useinbandfec=1',
        }),
      ],
      video: [
        new RTCRtpCodecParameters({
          mimeType: 'video/VP8',
          clockRate: 90_000,
          rtcpFeedback: VIDEO_FEEDBACK,
        }),
      ],
    },
    headerExtensions: {
      audio: [
        extension(RTP_EXTENSION_URI.sdesMid),
        extension(RTP_EXTENSION_URI.audioLevelIndication),
      ],
      video: [extension(RTP_EXTENSION_URI.sdesMid)],
    },
  };
}

function isLoopback(address: string): boolean {
  return address.startsWith('127.') || address === '::1';
}
