/**
 * The frames a meeting room sends: presence (AUDIO_STREAM_ID_INFO), volumes, data messages and the
 * AUDIO_STATUS codes that end a member's session. Kept apart from the room so the room reads as
 * who gets what, and the wire shapes sit in one place.
 */
import type { RoomMember } from './room-member';
import type { StampedMessage } from './retained-messages';
import { AudioStatus, FrameType, type SignalFrameInit } from './signaling-frames';

/** One AUDIO_STREAM_ID_INFO frame; the SDK applies its entries as joins, mutes and removals. */
export function presenceFrame(streams: object[]): SignalFrameInit {
  return { type: FrameType.AUDIO_STREAM_ID_INFO, audioStreamIdInfo: { streams } };
}

/** The entry that announces a member: its audio stream, attendee, external user id and mute. */
export function presenceEntry(
  member: RoomMember,
  state: { audioStreamId: number; muted: boolean },
) {
  return {
    audioStreamId: state.audioStreamId,
    attendeeId: member.attendeeId,
    externalUserId: member.externalUserId,
    muted: state.muted,
  };
}

/**
 * AUDIO_STATUS with one of the codes the SDK turns into a session status (410 ended, 411 removed,
 * …).
 */
export function audioStatusFrame(status: keyof typeof AudioStatus): SignalFrameInit {
  return { type: FrameType.AUDIO_STATUS, audioStatus: { audioStatus: AudioStatus[status] } };
}

/**
 * AUDIO_METADATA: each announced talker's volume (attenuation in dB, 0 = loudest, 127 = silent).
 */
export function audioMetadataFrame(
  attendeeStates: Array<{ audioStreamId: number; volume: number }>,
): SignalFrameInit {
  return {
    type: FrameType.AUDIO_METADATA,
    audioMetadata: { attendeeStates: attendeeStates.map((s) => ({ ...s, signalStrength: 2 })) },
  };
}

/** DATA_MESSAGE carrying messages already stamped with their ingest time. */
export function dataMessageFrame(messages: StampedMessage[]): SignalFrameInit {
  return { type: FrameType.DATA_MESSAGE, dataMessage: { messages } };
}
