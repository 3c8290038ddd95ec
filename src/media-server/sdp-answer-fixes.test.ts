import { describe, expect, it } from 'vitest';
import { fixAnswer, videoTrackLabel } from './sdp-answer-fixes';
import { parseSdp } from './sdp-sections';
import { firefoxCallOffer } from './testing/firefox-offers';

const offer = [
  'v=0',
  'o=mozilla-chrome 1 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'a=group:BUNDLE 0 1 3',
  'm=audio 5000 UDP/TLS/RTP/SAVPF 111',
  'a=mid:0',
  'a=sendrecv',
  'm=video 9 UDP/TLS/RTP/SAVPF 96',
  'a=mid:1',
  'a=inactive',
  'm=video 0 UDP/TLS/RTP/SAVPF 96',
  'a=mid:2',
  'a=recvonly',
  'm=video 9 UDP/TLS/RTP/SAVPF 96',
  'a=mid:3',
  'a=recvonly',
].join('\r\n');

const answer = [
  'v=0',
  'o=- 1 0 IN IP4 0.0.0.0',
  's=-',
  't=0 0',
  'a=group:BUNDLE 0 1 2 3',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111',
  'a=ice-ufrag:u',
  'a=ice-pwd:p',
  'a=fingerprint:sha-256 AA',
  'a=setup:passive',
  'a=sendrecv',
  'a=mid:0',
  'a=rtcp-mux',
  'm=video 0 UDP/TLS/RTP/SAVPF 96',
  'a=inactive',
  'a=mid:1',
  'm=video 9 UDP/TLS/RTP/SAVPF 96',
  'a=sendonly',
  'a=mid:2',
  'm=video 9 UDP/TLS/RTP/SAVPF 96',
  'a=sendonly',
  'a=mid:3',
  'a=msid:werift-stream werift-track',
  'a=ssrc:42 msid:werift-stream werift-track',
].join('\r\n');

describe('fixAnswer', () => {
  const fixed = parseSdp(fixAnswer(offer, answer));

  it('answers an inactive section offered with a port on port 9, never port 0', () => {
    expect(fixed.sections[1]).toMatchObject({ port: 9, direction: 'inactive' });
  });

  it('keeps sections offered with port 0 at port 0 and inactive', () => {
    expect(fixed.sections[2]).toMatchObject({ port: 0, direction: 'inactive' });
  });

  it('copies the BUNDLE group of the offer (stopped mids are not in it)', () => {
    expect(fixed.session.filter((l) => l.startsWith('a=group:BUNDLE'))).toEqual([
      'a=group:BUNDLE 0 1 3',
    ]);
  });

  it('labels sent video sections v_<mid> and removes werift msids', () => {
    const lines = fixed.sections[3]!.lines;
    expect(lines.filter((l) => l.includes('msid'))).toEqual([
      `a=msid:${videoTrackLabel('3')} v_3-track`,
    ]);
  });

  it('gives the audio section an msid and every live section ICE/DTLS attributes', () => {
    expect(fixed.sections[0]!.lines).toContain('a=msid:server-audio server-audio-track');
    expect(fixed.sections[1]!.lines).toEqual(
      expect.arrayContaining([
        'a=ice-ufrag:u',
        'a=ice-pwd:p',
        'a=fingerprint:sha-256 AA',
        'a=setup:passive',
        'a=rtcp-mux',
      ]),
    );
  });

  it('gives the sections the browser sends video on a start bitrate hint', () => {
    const camera = parseSdp(
      fixAnswer(
        offer.replace('a=mid:1\r\na=inactive', 'a=mid:1\r\na=sendrecv'),
        answer.replace(
          'm=video 0 UDP/TLS/RTP/SAVPF 96\r\na=inactive',
          'm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\na=recvonly',
        ),
      ),
    );
    expect(camera.sections[1]!.lines).toContain('a=fmtp:96 x-google-start-bitrate=1500');
    expect(fixed.sections[3]!.lines.some((l) => l.includes('x-google-start-bitrate'))).toBe(false);
  });

  it('refuses an answer whose sections do not match the offer', () => {
    expect(() =>
      fixAnswer(
        offer,
        answer.split('\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=sendonly\r\na=mid:3')[0]!,
      ),
    ).toThrow(/m-sections/);
  });
});

describe('fixAnswer with Firefox offers (max-bundle: bundle-only sections on port 0)', () => {
  const firefox = parseSdp(firefoxCallOffer);

  it('reads bundle-only sections on port 0 as live and a port 0 section without it as stopped', () => {
    expect(firefox.sections.map((s) => [s.mid, s.port, s.stopped])).toEqual([
      ['0', 40813, false],
      ['1', 0, false],
      ['2', 0, false],
      ['3', 0, false],
    ]);
    expect(parseSdp(stopSection(firefoxCallOffer, '3')).sections[3]).toMatchObject({
      port: 0,
      stopped: true,
    });
  });

  it('answers bundle-only sections as live (port 9, their direction), never as stopped', () => {
    const answer = [
      'v=0',
      'o=- 1 0 IN IP4 0.0.0.0',
      's=-',
      't=0 0',
      'a=group:BUNDLE 0 1 2 3',
      'm=audio 9 UDP/TLS/RTP/SAVPF 109',
      'a=ice-ufrag:u',
      'a=ice-pwd:p',
      'a=fingerprint:sha-256 AA',
      'a=setup:passive',
      'a=sendrecv',
      'a=mid:0',
      'a=rtcp-mux',
      'm=video 9 UDP/TLS/RTP/SAVPF 120',
      'a=mid:1',
      'a=recvonly',
      'm=video 9 UDP/TLS/RTP/SAVPF 120',
      'a=mid:2',
      'a=sendonly',
      'm=video 9 UDP/TLS/RTP/SAVPF 120',
      'a=mid:3',
      'a=sendonly',
    ].join('\r\n');
    const fixed = parseSdp(fixAnswer(firefoxCallOffer, answer));
    expect(fixed.sections.map((s) => [s.mid, s.port, s.direction])).toEqual([
      ['0', 9, 'sendrecv'],
      ['1', 9, 'recvonly'],
      ['2', 9, 'sendonly'],
      ['3', 9, 'sendonly'],
    ]);
    expect(fixed.session).toContain('a=group:BUNDLE 0 1 2 3');
    expect(fixed.sections[2]!.lines).toContain(`a=msid:${videoTrackLabel('2')} v_2-track`);
    // The stopped variant of the same offer: port 0, inactive, out of the copied BUNDLE group.
    const stopped = parseSdp(fixAnswer(stopSection(firefoxCallOffer, '3'), answer));
    expect(stopped.sections[3]).toMatchObject({ port: 0, direction: 'inactive' });
    expect(stopped.session).toContain('a=group:BUNDLE 0 1 2');
  });
});

/**
 * The offer with `mid`'s section stopped as Firefox stops one: port 0, no bundle-only, out of
 * BUNDLE.
 */
function stopSection(sdp: string, mid: string): string {
  const { session, sections } = parseSdp(sdp);
  return [
    ...session.map((l) =>
      l.startsWith('a=group:BUNDLE ')
        ? l
            .split(' ')
            .filter((m) => m !== mid)
            .join(' ')
        : l,
    ),
    ...sections.flatMap((s) =>
      s.mid === mid
        ? s.lines.filter((l) => l !== 'a=bundle-only' && l !== 'a=recvonly').concat('a=inactive')
        : s.lines,
    ),
  ].join('\r\n');
}
