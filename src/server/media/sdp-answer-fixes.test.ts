import { describe, expect, it } from 'vitest';
import { fixAnswer, videoTrackLabel } from './sdp-answer-fixes';
import { parseSdp } from './sdp-sections';

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
