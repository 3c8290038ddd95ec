/**
 * PeerSession over real werift with Chromium-shaped offers and Firefox's own: the sequence that
 * lost video (a subscription stops, its m-line goes to port 0, then Chromium recycles that position
 * for a new mid) must send on the transceiver whose SSRC the answer announced for the new mid.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RtpHeader, RtpPacket, RTCRtpSender } from 'werift';
import { PeerSession, type Negotiation } from './peer-session';
import { summarizeSdp } from './sdp-sections';
import { chromeOffer, type OfferSection } from './testing/chrome-offer';
import { firefoxCallOffer, firefoxFirstOffer } from './testing/firefox-offers';

const audio: OfferSection = { mid: '0', kind: 'audio', direction: 'sendrecv', ssrc: 1111 };
const idleCamera: OfferSection = { mid: '1', kind: 'video', direction: 'inactive' };
const handlers = {
  onAudio: () => undefined,
  onCamera: () => undefined,
  onKeyframeRequest: () => undefined,
};

/** SSRCs the session sends through when it forwards one packet on `mid`. */
async function ssrcsSentOn(session: PeerSession, mid: string): Promise<number[]> {
  const used: number[] = [];
  const spy = vi.spyOn(RTCRtpSender.prototype, 'sendRtp').mockImplementation(async function (
    this: RTCRtpSender,
  ) {
    used.push(this.ssrc);
  });
  session.sendVideo(
    mid,
    new RtpPacket(new RtpHeader({ payloadType: 96, ssrc: 7 }), Buffer.from([1, 2, 3])),
    { sequenceNumber: 1, timestamp: 1 },
  );
  spy.mockRestore();
  return used;
}

const answerSsrc = (n: Negotiation, mid: string) =>
  summarizeSdp(n.answer).find((s) => s.mid === mid)?.ssrcs[0];

describe('PeerSession', () => {
  let session: PeerSession;
  afterEach(async () => session?.close());

  it('sends a recycled m-line position through the new mid, with the SSRC its answer announced', async () => {
    session = new PeerSession(undefined, handlers);
    const wantStream1 = (i: number) => (i === 1 ? 1 : 0);
    const first = await session.negotiate(
      chromeOffer([audio, idleCamera, { mid: '2', kind: 'video', direction: 'recvonly' }]),
      wantStream1,
    );
    expect(first.sends).toEqual([{ mid: '2', streamId: 1, ssrc: answerSsrc(first, '2') }]);
    expect(await ssrcsSentOn(session, '2')).toEqual([first.sends[0]!.ssrc]);

    // The subscription ends: Chromium stops the transceiver (port 0, out of BUNDLE).
    const stopped = await session.negotiate(
      chromeOffer([audio, idleCamera, { mid: '2', kind: 'video', direction: 'inactive', port: 0 }]),
      () => 0,
    );
    expect(stopped.sends).toEqual([]);
    expect(await ssrcsSentOn(session, '2')).toEqual([]);

    // A new subscription: Chromium offers a new mid in the stopped section's position.
    const again = await session.negotiate(
      chromeOffer([audio, idleCamera, { mid: '3', kind: 'video', direction: 'recvonly' }]),
      (i) => (i === 1 ? 2 : 0),
    );
    const ssrc = answerSsrc(again, '3');
    expect(again.sends).toEqual([{ mid: '3', streamId: 2, ssrc }]);
    expect(ssrc).not.toBe(first.sends[0]!.ssrc);
    expect(await ssrcsSentOn(session, '3')).toEqual([ssrc]);
    expect(await ssrcsSentOn(session, '2')).toEqual([]);
  });

  it('answers a camera in the very first offer as recvonly and reports it active', async () => {
    session = new PeerSession(undefined, handlers);
    const n = await session.negotiate(
      chromeOffer([audio, { mid: '1', kind: 'video', direction: 'sendrecv', ssrc: 2222 }]),
      () => 0,
    );
    expect(n).toMatchObject({ cameraActive: true, audioActive: true, sends: [] });
    expect(summarizeSdp(n.answer).map((s) => [s.mid, s.port, s.direction])).toEqual([
      ['0', 9, 'sendrecv'],
      ['1', 9, 'recvonly'],
    ]);
  });

  it("answers Firefox's bundle-only sections (port 0) as live: camera received, subscriptions sent", async () => {
    session = new PeerSession(undefined, handlers);
    const first = await session.negotiate(firefoxFirstOffer, () => 0);
    expect(summarizeSdp(first.answer).map((s) => [s.mid, s.port, s.direction])).toEqual([
      ['0', 9, 'sendrecv'],
      ['1', 9, 'inactive'],
    ]);
    const n = await session.negotiate(firefoxCallOffer, (i) => (i === 1 ? 1 : i === 2 ? 2 : 0));
    expect(n.cameraActive).toBe(true);
    expect(n.sends.map((x) => [x.mid, x.streamId])).toEqual([
      ['2', 1],
      ['3', 2],
    ]);
    expect(summarizeSdp(n.answer).map((s) => [s.mid, s.port, s.direction])).toEqual([
      ['0', 9, 'sendrecv'],
      ['1', 9, 'recvonly'],
      ['2', 9, 'sendonly'],
      ['3', 9, 'sendonly'],
    ]);
    // Firefox's own payload types are answered (Opus 109, VP8 120), one codec per section.
    const lines = n.answer.split('\r\n');
    expect(lines.filter((l) => l.startsWith('m='))).toEqual([
      'm=audio 9 UDP/TLS/RTP/SAVPF 109',
      'm=video 9 UDP/TLS/RTP/SAVPF 120',
      'm=video 9 UDP/TLS/RTP/SAVPF 120',
      'm=video 9 UDP/TLS/RTP/SAVPF 120',
    ]);
    expect(lines).toContain('a=group:BUNDLE 0 1 2 3');
    expect(await ssrcsSentOn(session, '2')).toEqual([n.sends[0]!.ssrc]);
  });
});
