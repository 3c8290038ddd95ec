import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createEspeakSpeech } from './espeak-speech';
import { parseWav, toMono48k } from './wav-pcm';

function wav(rate: number, channels: number, samples: number[], streamed = false): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => data.writeInt16LE(s, i * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(streamed ? 0x7ffff024 : 36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * channels * 2, 28);
  header.writeUInt16LE(channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(streamed ? 0x7ffff000 : data.length, 40);
  return Buffer.concat([header, data]);
}

const hasEspeak = spawnSync('espeak-ng', ['--version'], { stdio: 'ignore' }).status === 0;

describe('speech', () => {
  it('parses a streamed WAV whose sizes are placeholders and resamples it to 48 kHz mono', () => {
    const parsed = parseWav(wav(24_000, 2, [100, 300, 200, 400, 300, 500], true));
    expect(parsed).toMatchObject({ sampleRate: 24_000, channels: 2 });
    expect(Array.from(toMono48k(parsed))).toEqual([200, 250, 300, 350, 400, 400]);
  });

  it('rejects what is not 16-bit PCM WAV', () => {
    expect(() => parseWav(Buffer.from('hello world, not a wav'))).toThrow(/not a WAV/);
  });

  it('is silent (undefined) when speech is off or the engine is missing', async () => {
    expect(await createEspeakSpeech({ enabled: false }).synthesize('hello')).toBeUndefined();
    const missing = createEspeakSpeech({ enabled: true, command: 'no-such-tts-engine' });
    expect(missing.available).toBe(false);
    expect(await missing.synthesize('hello')).toBeUndefined();
  });

  it.skipIf(!hasEspeak)(
    'synthesizes a prompt with espeak-ng into about a second per few words of 48 kHz audio',
    async () => {
      const speech = createEspeakSpeech({ enabled: true });
      const pcm = await speech.synthesize('Press 1 for sales, or 2 for support.');
      expect(pcm).toBeInstanceOf(Int16Array);
      const seconds = (pcm?.length ?? 0) / 48_000;
      expect(seconds).toBeGreaterThan(1);
      expect(seconds).toBeLessThan(6);
      // not silence
      expect(Math.max(...(pcm ?? []).slice(0, 48_000 * 2).map(Math.abs))).toBeGreaterThan(1000);
    },
  );
});
