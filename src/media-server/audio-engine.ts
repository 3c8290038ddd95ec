/**
 * One meeting's audio: every participant has exactly one downstream audio stream (the SDK's single
 * audio m-line). With two participants the other side's Opus packets are forwarded untouched, with
 * sequence/timestamp rewriting; with three or more, or while a prompt plays, each listener gets its
 * own mix-minus, decoded, summed and re-encoded. Whenever nothing else is sent, a listener receives
 * silence frames, so audio packets never stop (the SDK's connection health looks at them).
 * Each member's share of a frame (its decode, its encode, its send) runs on its own: a member whose
 * codec or socket throws is dropped from the mix and reported, and every other listener still gets
 * that frame; a throw outside any member's share is reported and the clock keeps ticking.
 */
import { mixMinus, toFrames } from './audio-mix';
import {
  FRAME_MS,
  FRAME_SAMPLES,
  opusCodecs,
  silenceFrame,
  type AudioCodecs,
  type AudioDecoder,
  type AudioEncoder,
} from './opus-codec';
import { RtpSequencer, type RtpPosition } from './rtp-sequencer';
import { FrameClock } from './frame-clock';

/** Where the engine delivers a participant's downstream audio. */
export interface AudioListener {
  readonly id: number;
  send(payload: Buffer, position: RtpPosition): void;
}

/**
 * How an engine is built; everything is optional (tests inject a clock, codecs and a fault sink).
 */
export interface AudioEngineOptions {
  now?: () => number;
  codecs?: AudioCodecs;
  /**
   * A fault in the mix: `memberId` is the listener whose share of a frame threw (it has already
   * been dropped from the mix), undefined for a fault of the whole frame. Must not throw.
   */
  onFault?: (memberId: number | undefined, err: unknown) => void;
}

interface Member {
  listener: AudioListener;
  sequencer: RtpSequencer;
  decoder: AudioDecoder;
  encoder: AudioEncoder | undefined;
  queue: Buffer[];
  lastForwardMs: number;
  server: RtpPosition;
}

const SERVER_SOURCE = -1;
const MAX_QUEUE = 5;
const SILENCE_AFTER_MS = 3 * FRAME_MS;

/**
 * One meeting's audio mix: forwards, mixes and fills with silence each listener's single downstream
 * stream.
 */
export class AudioEngine {
  private readonly members = new Map<number, Member>();
  private readonly prompts: Array<{ frames: Int16Array[]; done: () => void }> = [];
  private readonly clock: FrameClock;
  private readonly now: () => number;
  private readonly codecs: AudioCodecs;
  private readonly onFault: (memberId: number | undefined, err: unknown) => void;

  constructor(options: AudioEngineOptions = {}) {
    this.now = options.now ?? (() => performance.now());
    this.codecs = options.codecs ?? opusCodecs;
    this.onFault = options.onFault ?? (() => undefined);
    this.clock = new FrameClock(
      FRAME_MS,
      () => this.tick(),
      (err) => this.onFault(undefined, err),
    );
  }

  add(listener: AudioListener): void {
    this.remove(listener.id);
    const member: Member = {
      listener,
      sequencer: new RtpSequencer(48_000, FRAME_SAMPLES),
      decoder: this.codecs.decoder(),
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
    // Freeing is part of leaving: a codec that fails to free must not keep the member in the mix.
    this.drop(member, () => member.decoder.delete());
    this.drop(member, () => member.encoder?.delete());
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
    for (const to of [...this.members.values()]) {
      if (to === from) continue;
      this.share(to, () => {
        to.lastForwardMs = now;
        to.listener.send(payload, to.sequencer.rewrite(ssrc, position, now));
      });
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
    for (const [id, member] of [...this.members]) {
      this.share(member, () => {
        const payload = member.queue.shift();
        const pcm = payload && member.decoder.decode(payload);
        if (pcm && pcm.length === FRAME_SAMPLES) talkers.set(id, pcm);
      });
    }
    const mixes = mixMinus([...this.members.keys()], talkers, shared);
    for (const [id, pcm] of mixes) {
      // A listener dropped earlier in this frame has no member any more: skip it, never reuse its
      // codec.
      const member = this.members.get(id);
      if (!member) continue;
      this.share(member, () => {
        member.encoder ??= this.codecs.encoder();
        this.sendServerFrame(member, pcm ? member.encoder.encode(pcm) : silenceFrame());
      });
    }
  }

  private sendSilenceWhereQuiet(): void {
    const now = this.now();
    for (const member of [...this.members.values()]) {
      if (now - member.lastForwardMs >= SILENCE_AFTER_MS)
        this.share(member, () => this.sendServerFrame(member, silenceFrame()));
    }
  }

  /**
   * Runs one member's share of a frame; if it throws, that member leaves the mix and is reported.
   */
  private share(member: Member, work: () => void): void {
    try {
      work();
    } catch (err) {
      this.remove(member.listener.id);
      this.onFault(member.listener.id, err);
    }
  }

  /** Runs a member's clean-up; a throw is reported (the member is gone either way). */
  private drop(member: Member, work: () => void): void {
    try {
      work();
    } catch (err) {
      this.onFault(member.listener.id, err);
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
