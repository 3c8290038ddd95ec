/**
 * Turns a WAV stream (as `espeak-ng --stdout` writes it) into mono 48 kHz 16-bit PCM for the media
 * server. espeak-ng streams its WAV with placeholder sizes, so the data chunk runs to the end of
 * input.
 */

export interface WavPcm {
  sampleRate: number;
  channels: number;
  samples: Int16Array; // interleaved
}

/** Parses a 16-bit PCM WAV; throws on anything else. */
export function parseWav(wav: Buffer): WavPcm {
  if (
    wav.length < 12 ||
    wav.toString('ascii', 0, 4) !== 'RIFF' ||
    wav.toString('ascii', 8, 12) !== 'WAVE'
  )
    throw new Error('not a WAV file');
  let offset = 12;
  let sampleRate = 0;
  let channels = 0;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('ascii', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (wav.readUInt16LE(body) !== 1 || wav.readUInt16LE(body + 14) !== 16)
        throw new Error('only 16-bit PCM WAV is supported');
      channels = wav.readUInt16LE(body + 2);
      sampleRate = wav.readUInt32LE(body + 4);
    } else if (id === 'data') {
      if (!sampleRate) throw new Error('WAV data before its format');
      const end = Math.min(wav.length, body + size) & ~1;
      const samples = new Int16Array(Math.floor((end - body) / 2));
      for (let i = 0; i < samples.length; i++) samples[i] = wav.readInt16LE(body + i * 2);
      return { sampleRate, channels, samples };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('WAV has no data chunk');
}

/** Mixes to mono and resamples (linear interpolation) to `rate` Hz. */
export function toMono48k(pcm: WavPcm, rate = 48_000): Int16Array {
  const frames = Math.floor(pcm.samples.length / Math.max(1, pcm.channels));
  const mono = new Float32Array(frames);
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let ch = 0; ch < pcm.channels; ch++) sum += pcm.samples[f * pcm.channels + ch] ?? 0;
    mono[f] = sum / pcm.channels;
  }
  const outLength = Math.floor((frames * rate) / pcm.sampleRate);
  const out = new Int16Array(outLength);
  const step = pcm.sampleRate / rate;
  for (let i = 0; i < outLength; i++) {
    const pos = i * step;
    const i0 = Math.floor(pos);
    const a = mono[i0] ?? 0;
    const b = mono[i0 + 1] ?? a;
    out[i] = Math.max(-32768, Math.min(32767, Math.round(a + (b - a) * (pos - i0))));
  }
  return out;
}
