/**
 * Text to speech with Debian's `espeak-ng` (when installed): the flow prompt is synthesized to WAV
 * on stdout and converted to mono 48 kHz PCM. Without espeak-ng (or with speech off) `synthesize`
 * returns undefined and prompts are captions only.
 */
import { spawn, spawnSync } from 'node:child_process';
import { parseWav, toMono48k } from './wav-pcm';

/** Text to speech for flow prompts. */
export interface Speech {
  readonly available: boolean;
  /** PCM for the text, or undefined when speech is unavailable or synthesis failed. */
  synthesize(
    text: string,
    options?: { ssml?: boolean; voice?: string },
  ): Promise<Int16Array | undefined>;
}

const CACHE_SIZE = 32;

/** Speech through the espeak-ng command, where it is installed. */
export function createEspeakSpeech(options: {
  enabled: boolean;
  command?: string;
  timeoutMs?: number;
}): Speech {
  const command = options.command ?? 'espeak-ng';
  const available =
    options.enabled &&
    spawnSync(command, ['--version'], { stdio: 'ignore', timeout: 5000 }).status === 0;
  const cache = new Map<string, Int16Array>();

  const run = (text: string, ssml: boolean, voice: string) =>
    new Promise<Buffer>((resolve, reject) => {
      // Text goes on stdin, never on the command line: prompts can hold customer data.
      const child = spawn(command, ['--stdout', '-v', voice, ...(ssml ? ['-m'] : [])], {
        stdio: ['pipe', 'pipe', 'ignore'],
      });
      const chunks: Buffer[] = [];
      const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 10_000);
      child.stdout.on('data', (c: Buffer) => chunks.push(c));
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve(Buffer.concat(chunks));
        else reject(new Error(`${command} exited with ${code}`));
      });
      child.stdin.end(text);
    });

  return {
    available,
    async synthesize(text, opts = {}) {
      if (!available || text.trim() === '') return undefined;
      const key = `${opts.voice ?? 'en-us'}|${opts.ssml ? 1 : 0}|${text}`;
      const hit = cache.get(key);
      if (hit) return hit;
      try {
        const pcm = toMono48k(parseWav(await run(text, opts.ssml ?? false, opts.voice ?? 'en-us')));
        cache.set(key, pcm);
        if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        return pcm;
      } catch {
        return undefined;
      }
    },
  };
}
