/**
 * The media side of a meeting room: its published videos and its audio mix, as the connections'
 * media halves use them. The room (meeting-room.ts) owns membership; this part only knows each
 * member's audio stream id, which it asks the room for, and tells the room when the INDEX must go
 * out.
 * Media goes straight between media halves: a camera packet from the publisher's half to each
 * subscriber's half, a keyframe request from a subscriber's half to the publisher's; the signaling
 * connections and the room's membership are not on the way.
 */
import type { RtpPacket } from 'werift';
import { AudioEngine, type AudioListener } from './audio-engine';
import type { AudioCodecs } from './opus-codec';
import { AudioLevels } from './audio-levels';
import type { RoomMember } from './room-member';
import type { FaultSource } from './media-faults';
import type { RtpPosition } from './rtp-sequencer';
import type { SignalFrameInit } from './signaling-frames';
import { VideoSources, type VideoSource } from './video-sources';

/** What the media side needs from the room that owns it. */
export interface RoomMembership {
  /** A member's audio stream id, undefined once it left. */
  audioStreamIdOf(member: RoomMember): number | undefined;
  /** Sends the current INDEX to every member. */
  broadcastIndex(): void;
  /**
   * The audio mix failed for one member (`member`; it has left the mix already) or for the whole
   * frame (undefined). The room decides what ends; must not throw.
   */
  audioFault(member: RoomMember | undefined, err: unknown): void;
  /** Runs work for one member behind the room's fault boundary (a throw ends that member only). */
  guardMember(member: RoomMember, source: FaultSource, work: () => void): boolean;
}

/** A connection's media half as the room's media reaches it (connection-media.ts). */
export interface MediaEndpoint {
  /** The member it serves: the fault boundary names and ends that member. */
  readonly member: RoomMember;
  /** One packet of a published video; forwarded where the endpoint subscribed to `streamId`. */
  deliver(
    streamId: number,
    ssrc: number,
    position: RtpPosition,
    packet: RtpPacket,
    nowMs: number,
  ): void;
  /** Asks the endpoint's browser for a keyframe of the camera it publishes. */
  requestKeyframe(force: boolean): void;
}

/** A meeting's published videos and audio mix. */
export class RoomMedia {
  private readonly video = new VideoSources();
  /** The media halves of the members, by member: where videos go and keyframe requests are sent. */
  private readonly endpoints = new Map<RoomMember, MediaEndpoint>();
  private readonly audio: AudioEngine;
  private readonly levels = new AudioLevels();
  /** Audio stream id → member, for the mix's fault reports (the engine only knows ids). */
  private readonly audioMembers = new Map<number, RoomMember>();

  constructor(
    private readonly room: RoomMembership,
    codecs?: AudioCodecs,
  ) {
    this.audio = new AudioEngine({
      codecs,
      onFault: (id, err) =>
        this.room.audioFault(id === undefined ? undefined : this.audioMembers.get(id), err),
    });
  }

  /** A member's media half takes part: it receives the videos it subscribes to from now on. */
  attach(endpoint: MediaEndpoint): void {
    this.endpoints.set(endpoint.member, endpoint);
  }

  /** A member's media half stops taking part (its connection closed). */
  detach(endpoint: MediaEndpoint): void {
    if (this.endpoints.get(endpoint.member) === endpoint) this.endpoints.delete(endpoint.member);
  }

  /** A member starts publishing video; the INDEX goes out when the caller calls broadcastIndex. */
  publish(endpoint: MediaEndpoint): VideoSource {
    this.attach(endpoint);
    return this.video.publish(endpoint.member);
  }

  unpublish(streamId: number): boolean {
    return this.video.unpublish(streamId);
  }

  /** The INDEX frame listing the published videos, for a meeting of `people` attendees. */
  indexFrame(people: number): SignalFrameInit {
    return this.video.indexFrame(people);
  }

  hasVideo(streamId: number): boolean {
    return this.video.get(streamId) !== undefined;
  }

  broadcastIndex(): void {
    this.room.broadcastIndex();
  }

  /**
   * Fans one packet of a published video out to every media half (each forwards what it subscribed
   * to).
   */
  forwardVideo(
    streamId: number,
    ssrc: number,
    position: RtpPosition,
    packet: RtpPacket,
    nowMs: number,
  ): void {
    // One subscriber that throws must not cost the others this packet, nor end the publisher.
    for (const e of [...this.endpoints.values()])
      this.room.guardMember(e.member, 'rtp-video', () =>
        e.deliver(streamId, ssrc, position, packet, nowMs),
      );
  }

  requestKeyframe(streamId: number, force: boolean): void {
    const publisher = this.video.get(streamId)?.publisher;
    const endpoint = publisher && this.endpoints.get(publisher);
    if (publisher && endpoint)
      this.room.guardMember(publisher, 'keyframe', () => endpoint.requestKeyframe(force));
  }

  /** Adds a member to the audio mix; `send` gets its downstream Opus frames. */
  joinAudio(member: RoomMember, send: AudioListener['send']): void {
    const id = this.room.audioStreamIdOf(member);
    if (id === undefined) return;
    this.audioMembers.set(id, member);
    this.audio.add({ id, send });
    this.levels.add(id);
  }

  leaveAudio(member: RoomMember): void {
    const id = this.room.audioStreamIdOf(member);
    if (id !== undefined) this.forgetAudio(id);
  }

  /** One upstream Opus packet of a member, with its ssrc-audio-level if present. */
  audioUpstream(
    member: RoomMember,
    ssrc: number,
    position: RtpPosition,
    payload: Buffer,
    level: number | undefined,
  ): void {
    const id = this.room.audioStreamIdOf(member);
    if (id === undefined) return;
    if (level !== undefined) this.levels.note(id, level);
    this.audio.upstream(id, ssrc, position, payload);
  }

  /** Plays mono 48 kHz PCM into the mix (flow prompts). */
  playAudio(pcm: Int16Array): Promise<void> {
    return this.audio.play(pcm);
  }

  /**
   * Audio levels by audio stream id for one volume report (ssrc-audio-level, attenuation in dB).
   */
  takeLevels(): Map<number, number | undefined> {
    return this.levels.take();
  }

  /** Forgets a member that left: its videos and its place in the mix; true if the INDEX changed. */
  removeMember(member: RoomMember, audioStreamId: number): boolean {
    this.endpoints.delete(member);
    this.forgetAudio(audioStreamId);
    return this.video.unpublishAll(member);
  }

  /**
   * The mix and the volume reports forget a member together, so neither keeps one the other
   * dropped.
   */
  private forgetAudio(audioStreamId: number): void {
    this.audioMembers.delete(audioStreamId);
    this.audio.remove(audioStreamId);
    this.levels.remove(audioStreamId);
  }

  close(): void {
    this.audio.close();
  }
}
