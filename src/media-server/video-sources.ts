/**
 * The published videos of one meeting (cameras and content shares) with the ids Chime clients
 * depend on: stream and group ids that only ever increase, and the INDEX frame that lists them.
 */
import { FrameType, proto, type SignalFrameInit } from './signaling-frames';
import type { RoomMember } from './room-member';

const VIDEO = proto.SdkStreamMediaType.VIDEO;

/** A published video (a connection's camera, or a content share). */
export interface VideoSource {
  readonly streamId: number;
  readonly groupId: number;
  readonly publisher: RoomMember;
}

/** The published videos of one meeting, with ever-increasing stream and group ids. */
export class VideoSources {
  private readonly sources = new Map<number, VideoSource>();
  private nextStreamId = 1;
  private nextGroupId = 1;

  /** Registers a member's video as a new source with fresh, increasing stream and group ids. */
  publish(publisher: RoomMember): VideoSource {
    const source = { streamId: this.nextStreamId++, groupId: this.nextGroupId++, publisher };
    this.sources.set(source.streamId, source);
    return source;
  }

  /** Removes one source; false if it was not published. */
  unpublish(streamId: number): boolean {
    return this.sources.delete(streamId);
  }

  /** Removes every source of a member; true if there was one. */
  unpublishAll(publisher: RoomMember): boolean {
    let removed = false;
    for (const s of this.sources.values())
      if (s.publisher === publisher) removed = this.sources.delete(s.streamId) || removed;
    return removed;
  }

  get(streamId: number): VideoSource | undefined {
    return this.sources.get(streamId);
  }

  /** The full INDEX: every published video (the client removes its own). */
  indexFrame(numParticipants: number): SignalFrameInit {
    const sources = [...this.sources.values()].map((s) => ({
      streamId: s.streamId,
      groupId: s.groupId,
      attendeeId: s.publisher.attendeeId,
      externalUserId: s.publisher.externalUserId,
      mediaType: VIDEO,
      trackLabel: 'AmazonChimeExpressVideo',
      maxBitrateKbps: 1500,
      avgBitrateBps: 1_000_000,
      framerate: 15,
      width: 1280,
      height: 720,
    }));
    return {
      type: FrameType.INDEX,
      index: {
        atCapacity: false,
        sources,
        numParticipants,
        supportedReceiveCodecIntersection: [proto.SdkVideoCodecCapability.VP8],
      },
    };
  }
}
