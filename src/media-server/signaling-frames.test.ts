import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, FrameType, proto } from './signaling-frames';
import { newJoinToken, parsePresentedToken, tokenFromProtocols, tokensEqual } from './join-token';
import { rembFields } from './bandwidth-feedback';

describe('signaling frames', () => {
  it('round-trips a frame with the 0x05 type byte and a timestamp', () => {
    const bytes = encodeFrame({
      type: FrameType.PING_PONG,
      pingPong: { type: proto.SdkPingPongType.PONG, pingId: 7 },
    });
    expect(bytes[0]).toBe(0x05);
    const frame = decodeFrame(bytes);
    expect(frame.type).toBe(FrameType.PING_PONG);
    expect(frame.pingPong?.pingId).toBe(7);
    expect(Number(frame.timestampMs)).toBeGreaterThan(0);
  });

  it('encodes only the optional fields that were set (the SDK checks presence)', () => {
    const frame = decodeFrame(
      encodeFrame({
        type: FrameType.AUDIO_STREAM_ID_INFO,
        audioStreamIdInfo: { streams: [{ audioStreamId: 3 }] },
      }),
    );
    const entry = frame.audioStreamIdInfo!.streams![0]!;
    expect(Object.prototype.hasOwnProperty.call(entry, 'muted')).toBe(false);
    expect(Object.prototype.hasOwnProperty.call(entry, 'attendeeId')).toBe(false);
  });

  it('rejects unknown type bytes and empty frames', () => {
    expect(() => decodeFrame(Buffer.from([0x09, 1]))).toThrow(/type byte/);
    expect(() => decodeFrame(Buffer.alloc(0))).toThrow(/empty/);
  });
});

describe('join tokens', () => {
  it('are random, 256-bit and legal WebSocket sub-protocol tokens', () => {
    const tokens = new Set(Array.from({ length: 100 }, newJoinToken));
    expect(tokens.size).toBe(100);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('reads the token after _aws_wt_session and recognises the content session', () => {
    expect(tokenFromProtocols('_aws_wt_session, abc#content')).toBe('abc#content');
    expect(tokenFromProtocols('other, abc')).toBeUndefined();
    expect(parsePresentedToken('abc#content')).toEqual({ base: 'abc', content: true });
    expect(tokensEqual('abc', 'abc')).toBe(true);
    expect(tokensEqual('abc', 'abd')).toBe(false);
    expect(tokensEqual('abc', 'abcd')).toBe(false);
  });
});

describe('REMB fields', () => {
  it('splits a bitrate into an 18-bit mantissa and an exponent', () => {
    const { brExp, brMantissa } = rembFields(2_500_000);
    expect(brMantissa).toBeLessThan(1 << 18);
    expect(brMantissa * 2 ** brExp).toBeGreaterThan(2_490_000);
  });
});
