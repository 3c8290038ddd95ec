/**
 * Test kit: SDP offers shaped like Chromium's for the Chime SDK's transceiver layout (audio mid 0,
 * camera mid 1, one recvonly section per subscription; stopped sections on port 0 and outside the
 * BUNDLE group), with loopback ICE and a DTLS fingerprint, so werift can apply them for real.
 */

/** One m-section of the offer. */
export interface OfferSection {
  mid: string;
  kind: 'audio' | 'video';
  direction: 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';
  /** 0 = a stopped transceiver. */
  port?: number;
  /** The SSRC the browser sends on this section (sendrecv/sendonly). */
  ssrc?: number;
}

const FINGERPRINT = Array.from({ length: 32 }, (_, i) =>
  (i * 7 + 16).toString(16).padStart(2, '0').toUpperCase(),
).join(':');

function section(s: OfferSection): string[] {
  const port = s.port ?? 9;
  const audio = s.kind === 'audio';
  const pt = audio ? 111 : 96;
  const lines = [
    `m=${s.kind} ${port} UDP/TLS/RTP/SAVPF ${pt}`,
    'c=IN IP4 0.0.0.0',
    'a=rtcp:9 IN IP4 0.0.0.0',
    ...(port === 0 ? [] : ['a=candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host generation 0']),
    'a=ice-ufrag:tEsT',
    'a=ice-pwd:abcdefghijklmnopqrstuvwx',
    'a=ice-options:trickle',
    `a=fingerprint:sha-256 ${FINGERPRINT}`,
    'a=setup:actpass',
    `a=mid:${s.mid}`,
    'a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid',
    `a=${s.direction}`,
    'a=rtcp-mux',
    audio ? `a=rtpmap:${pt} opus/48000/2` : `a=rtpmap:${pt} VP8/90000`,
    ...(audio
      ? [`a=fmtp:${pt} minptime=10;useinbandfec=1`]
      : [`a=rtcp-fb:${pt} nack`, `a=rtcp-fb:${pt} nack pli`]),
  ];
  if (s.ssrc !== undefined)
    lines.push(`a=msid:stream-${s.mid} track-${s.mid}`, `a=ssrc:${s.ssrc} cname:testcname`);
  return lines;
}

/** A complete offer with the given sections in order. */
export function chromeOffer(sections: OfferSection[]): string {
  const bundle = sections.filter((s) => (s.port ?? 9) !== 0).map((s) => s.mid);
  const session = [
    'v=0',
    'o=mozilla-chrome 1 2 IN IP4 127.0.0.1',
    's=-',
    't=0 0',
    `a=group:BUNDLE ${bundle.join(' ')}`,
    'a=msid-semantic: WMS',
  ];
  return [...session, ...sections.flatMap(section)].join('\r\n') + '\r\n';
}
