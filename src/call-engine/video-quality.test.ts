/** The engine sets the camera's quality from the join options before the camera starts. */
import { describe, expect, it } from 'vitest';
import { engineOverFakeBackend, testJoinOptions } from './testing/fake-media-session';
import type { VideoQuality } from './call-types';

const joinWith = async (videoQuality?: VideoQuality) => {
  const { engine, session } = engineOverFakeBackend();
  await engine.join({ ...testJoinOptions(true), ...(videoQuality ? { videoQuality } : {}) });
  return session();
};

describe('call engine: video quality', () => {
  it.each([
    ['360p', { width: 640, height: 360, frameRate: 15 }, 600],
    ['540p', { width: 960, height: 540, frameRate: 15 }, 1000],
    ['720p', { width: 1280, height: 720, frameRate: 15 }, 1400],
  ] as const)('%s: captures at that size and caps the send bitrate', async (q, size, kbps) => {
    const s = await joinWith(q);
    expect(s.state).toMatchObject({ videoQuality: size, maxKbps: kbps, videoInput: 'cam-1' });
  });

  it('auto (the default): captures at 540p, as the SDK does, and leaves the bitrate to the SDK', async () => {
    for (const s of [await joinWith(), await joinWith('auto')])
      expect(s.state).toMatchObject({
        videoQuality: { width: 960, height: 540, frameRate: 15 },
        maxKbps: null,
      });
  });

  it('the quality is chosen before the camera starts, so the first capture has it', async () => {
    const { log } = await joinWith('360p');
    expect(log.indexOf('chooseVideoInputQuality')).toBeGreaterThanOrEqual(0);
    expect(log.indexOf('chooseVideoInputQuality')).toBeLessThan(log.indexOf('startVideoInput'));
  });
});
