/**
 * One meeting's audio: every participant has exactly one downstream audio stream (the SDK's single
 * audio m-line). With two participants the other side's Opus packets are forwarded untouched, with
 * sequence/timestamp rewriting; with three or more, or while a prompt plays, each listener gets its
 * own mix-minus, decoded, summed and re-encoded. Whenever nothing else is sent, a listener receives
 * silence frames, so audio packets never stop (the SDK's connection health looks at them).
 */
import { mixMinus, toFrames } from './audio-mix';
import { FRAME_MS, FRAME_SAMPLES, OpusDecoder, OpusEncoder, silenceFrame } from './opus-codec';
import { RtpSequencer, type RtpPosition } from './rtp-sequencer';
import { FrameClock } from './frame-clock';

/** Where the engine delivers a participant's downstream audio. */
export interface AudioListener {
  readonly id: number;
  send(payload: Buffer, position: RtpPosition): void;
}

interface Member {
  listener: AudioListener;
  sequencer: RtpSequencer;
  decoder: OpusDecoder;
  encoder: OpusEncoder | undefined;
  queue: Buffer[];
  lastForwardMs: number;
  server: RtpPosition;
}

const SERVER_SOURCE = -1;
const MAX_QUEUE = 5;
const SILENCE_AFTER_MS = 3 * FRAME_MS;

export class AudioEngine {
  private readonly members = new Map<number, Member>();
  private readonly prompts: Array<{ frames: Int16Array[]; done: () => void }> = [];
  private readonly clock: FrameClock;

  constructor(private readonly now: () => number = () => performance.now()) {
    this.clock = new FrameClock(FRAME_MS, () => this.tick());
  }

  add(listener: AudioListener): void {
    this.remove(listener.id);
    const member: Member = {
      listener,
      sequencer: new RtpSequencer(48_000, FRAME_SAMPLES),
      decoder: new OpusDecoder(),
      encoder: undefined,
      queue: [],
      lastForwardMs: -Infinity,
      server: { sequenceNumber: 0, timestamp: 0 },
    };
    this.members.set(listener.id, member);
    this.clock.start();
  }

  remove(id: number): void {
    const member = this.members.get(id);
    if (!member) return;
    this.members.delete(id);
    member.decoder.delete();
    member.encoder?.delete();
  }

  /** True while each listener gets a decoded and re-encoded mix instead of forwarded packets. */
  get mixing(): boolean {
    return this.members.size >= 3 || this.prompts.length > 0;
  }

  /** One upstream Opus packet from participant `id`. */
  upstream(id: number, ssrc: number, position: RtpPosition, payload: Buffer): void {
    const from = this.members.get(id);
    if (!from) return;
    if (this.mixing) {
      from.queue.push(payload);
      if (from.queue.length > MAX_QUEUE) from.queue.shift();
      return;
    }
    const now = this.now();
    for (const to of this.members.values()) {
      if (to === from) continue;
      to.lastForwardMs = now;
      to.listener.send(payload, to.sequencer.rewrite(ssrc, position, now));
    }
  }

  /** Plays mono 48 kHz PCM to everybody; resolves once the last frame has been sent. */
  play(pcm: Int16Array): Promise<void> {
    return new Promise((resolve) => {
      this.prompts.push({ frames: toFrames(pcm), done: resolve });
      this.clock.start();
    });
  }

  /** Runs one 20 ms frame; driven by the clock, public so tests can step it. */
  tick(): void {
    const mixing = this.mixing;
    const prompt = this.prompts[0];
    const shared = prompt?.frames.shift();
    if (prompt && prompt.frames.length === 0) {
      this.prompts.shift();
      prompt.done();
    }
    if (mixing) this.sendMixes(shared);
    else this.sendSilenceWhereQuiet();
  }

  private sendMixes(shared: Int16Array | undefined): void {
    const talkers = new Map<number, Int16Array>();
    for (const [id, member] of this.members) {
      const payload = member.queue.shift();
      const pcm = payload && member.decoder.decode(payload);
      if (pcm && pcm.length === FRAME_SAMPLES) talkers.set(id, pcm);
    }
    const mixes = mixMinus([...this.members.keys()], talkers, shared);
    for (const [id, pcm] of mixes) {
      const member = this.members.get(id)!;
      member.encoder ??= new OpusEncoder();
      this.sendServerFrame(member, pcm ? member.encoder.encode(pcm) : silenceFrame());
    }
  }

  private sendSilenceWhereQuiet(): void {
    const now = this.now();
    for (const member of this.members.values()) {
      if (now - member.lastForwardMs >= SILENCE_AFTER_MS)
        this.sendServerFrame(member, silenceFrame());
    }
  }

  private sendServerFrame(member: Member, payload: Buffer): void {
    const position = member.sequencer.rewrite(SERVER_SOURCE, member.server, this.now());
    member.server = {
      sequenceNumber: (member.server.sequenceNumber + 1) % 0x10000,
      timestamp: (member.server.timestamp + FRAME_SAMPLES) % 0x100000000,
    };
    member.listener.send(payload, position);
  }

  close(): void {
    this.clock.stop();
    for (const id of [...this.members.keys()]) this.remove(id);
    for (const prompt of this.prompts.splice(0)) prompt.done();
  }
}
