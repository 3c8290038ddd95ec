/**
 * The workarounds between werift 0.24.4's SDP answers and what Chromium + amazon-chime-sdk-js 3.32
 * accept, in one place (see the signaling note §8 and §13). Re-check each when upgrading werift.
 *  - never answer port 0 for a section offered with a non-zero port (Chromium would stop the
 *    transceiver and the SDK would crash its next update): answer `inactive` on port 9 instead;
 *  - stopped sections (offered with port 0 and no `a=bundle-only`) stay port 0 and inactive; a
 *    `bundle-only` section offered with port 0 (Firefox, max-bundle) is live and answered like any
 *    other (port 9, its direction): answering it port 0 made Firefox stop the transceiver and the
 *    SDK's next direction change threw "Transceiver is stopping/stopped", in a reconnect loop;
 *  - the BUNDLE group is copied from the offer, so stopped mids are never in it;
 *  - every video section we send on carries `a=msid:v_<mid> …`, the label SUBSCRIBE_ACK.tracks
 *    uses; the audio section gets a fixed msid so the SDK can bind the remote audio stream.
 */
import {
  parseSdp,
  withDirection,
  withMsid,
  withPort,
  writeSdp,
  type SdpSection,
} from './sdp-sections';

/** The msid stream id (and SUBSCRIBE_ACK track label) of a video section the server sends on. */
export function videoTrackLabel(mid: string): string {
  return `v_${mid}`;
}

/**
 * Applies every answer fix; `offer` and `answer` must have the same m-sections in the same order.
 */
export function fixAnswer(offer: string, answer: string): string {
  const o = parseSdp(offer);
  const a = parseSdp(answer);
  if (o.sections.length !== a.sections.length) {
    throw new Error(`answer has ${a.sections.length} m-sections, offer has ${o.sections.length}`);
  }
  const transport = a.sections.find((s) => s.lines.some((l) => l.startsWith('a=ice-ufrag:')));
  const sections = a.sections.map((section, i) =>
    withTransport(fixSection(o.sections[i]!, section), transport),
  );
  const offerBundle = o.session.find((l) => l.startsWith('a=group:BUNDLE'));
  const session = a.session.filter((l) => !l.startsWith('a=group:BUNDLE'));
  if (offerBundle) session.push(offerBundle);
  return writeSdp({ session, sections });
}

function fixSection(offered: SdpSection, answered: SdpSection): SdpSection {
  if (offered.stopped) return withDirection(withPort(answered, 0), 'inactive');
  let section = answered.port === 0 ? withDirection(withPort(answered, 9), 'inactive') : answered;
  const sends = section.direction === 'sendonly' || section.direction === 'sendrecv';
  const mid = section.mid ?? offered.mid ?? '';
  if (sends && section.kind === 'video')
    section = withMsid(section, videoTrackLabel(mid), `${videoTrackLabel(mid)}-track`);
  if (sends && section.kind === 'audio')
    section = withMsid(section, 'server-audio', 'server-audio-track');
  if (section.kind === 'video' && section.direction === 'recvonly')
    section = withStartBitrate(section);
  return section;
}

const TRANSPORT_ATTRIBUTES = ['a=ice-ufrag:', 'a=ice-pwd:', 'a=fingerprint:', 'a=setup:'];

/** Every live section needs the ICE/DTLS attributes, even a bundled one werift left bare. */
function withTransport(section: SdpSection, source: SdpSection | undefined): SdpSection {
  if (!source || section.port === 0) return section;
  const missing = TRANSPORT_ATTRIBUTES.filter((p) => !section.lines.some((l) => l.startsWith(p)));
  const added = missing.flatMap((p) => source.lines.filter((l) => l.startsWith(p)));
  if (!section.lines.includes('a=rtcp-mux')) added.push('a=rtcp-mux');
  return added.length === 0 ? section : { ...section, lines: [...section.lines, ...added] };
}

/**
 * Chromium's send start bitrate hint; its default (300 kbps) means 320×180 for the first seconds.
 */
export const START_BITRATE_KBPS = 1500;

/** Adds `x-google-start-bitrate` to the fmtp of every codec of a section the browser sends on. */
function withStartBitrate(section: SdpSection): SdpSection {
  const payloadTypes = (section.lines[0] ?? '').split(' ').slice(3);
  const lines = [...section.lines];
  for (const pt of payloadTypes) {
    const hint = `x-google-start-bitrate=${START_BITRATE_KBPS}`;
    const at = lines.findIndex((l) => l.startsWith(`a=fmtp:${pt} `));
    if (at >= 0) {
      if (!lines[at]!.includes('x-google-start-bitrate')) lines[at] = `${lines[at]};${hint}`;
    } else {
      const rtpmap = lines.findIndex((l) => l.startsWith(`a=rtpmap:${pt} `));
      lines.splice(rtpmap >= 0 ? rtpmap + 1 : lines.length, 0, `a=fmtp:${pt} ${hint}`);
    }
  }
  return { ...section, lines };
}
