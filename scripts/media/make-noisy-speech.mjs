#!/usr/bin/env node
// Writes e2e/fixtures/noisy-speech.wav, the microphone of the noise-suppression browser test: a
// sentence spoken by espeak-ng (needed only to regenerate the file, `apt-get install espeak-ng`),
// then as long a pause, over steady fan-like noise (filtered white noise plus a 100 Hz hum) at
// about -30 dBFS. 16 kHz mono 16-bit keeps the committed file small; Chromium loops it as the fake
// microphone.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const RATE = 16000;
const wav = execFileSync('espeak-ng', [
  '-s',
  '150',
  '--stdout',
  'Hello, I would like to ask about my order.',
]);
// espeak-ng writes 22050 Hz mono 16-bit PCM after a 44-byte header.
const srcRate = wav.readUInt32LE(24);
const src = new Int16Array(wav.buffer.slice(wav.byteOffset + 44, wav.byteOffset + wav.length));
const speechLen = Math.floor((src.length * RATE) / srcRate);
const total = speechLen * 2; // speech, then as long a pause
const out = new Int16Array(total);
let seed = 12345;
const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32) * 2 - 1;
let lowpassed = 0;
for (let i = 0; i < total; i++) {
  const pos = (i * srcRate) / RATE;
  const j = Math.floor(pos);
  const speech =
    i < speechLen ? ((src[j] ?? 0) * (1 - (pos - j)) + (src[j + 1] ?? 0) * (pos - j)) / 32768 : 0;
  lowpassed += 0.3 * (random() - lowpassed);
  const noise = 0.045 * lowpassed + 0.012 * Math.sin((2 * Math.PI * 100 * i) / RATE);
  out[i] = Math.max(-32767, Math.min(32767, Math.round((0.6 * speech + noise) * 32767)));
}
const header = Buffer.alloc(44);
header.write('RIFF', 0);
header.writeUInt32LE(36 + out.byteLength, 4);
header.write('WAVEfmt ', 8);
header.writeUInt32LE(16, 16);
header.writeUInt16LE(1, 20);
header.writeUInt16LE(1, 22);
header.writeUInt32LE(RATE, 24);
header.writeUInt32LE(RATE * 2, 28);
header.writeUInt16LE(2, 32);
header.writeUInt16LE(16, 34);
header.write('data', 36);
header.writeUInt32LE(out.byteLength, 40);
writeFileSync('e2e/fixtures/noisy-speech.wav', Buffer.concat([header, Buffer.from(out.buffer)]));
console.log(
  `e2e/fixtures/noisy-speech.wav: ${(total / RATE).toFixed(1)} s, speech ${(speechLen / RATE).toFixed(1)} s`,
);
