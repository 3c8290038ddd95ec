/**
 * Builders of whole, well-typed call-engine values for tests, so none needs a cast: a snapshot is
 * the idle one with the given parts replaced, an attendee or tile has every field with test
 * defaults.
 */
import type { CallSnapshot, PresentAttendee, TileInfo } from '../call-types';
import { initialSnapshot } from '../snapshot-store';

/** The engine's idle snapshot with `parts` replaced. */
export function snapshotOf(parts: Partial<CallSnapshot> = {}): CallSnapshot {
  return { ...initialSnapshot(), ...parts };
}

/** Someone present in the meeting; a `#content` id is a screen share. */
export function presentAttendee(
  attendeeId: string,
  parts: Partial<PresentAttendee> = {},
): PresentAttendee {
  return {
    attendeeId,
    externalUserId: '',
    isContent: attendeeId.endsWith('#content'),
    muted: false,
    ...parts,
  };
}

/** A remote, active video tile of that attendee (`#content`: their screen share). */
export function videoTile(
  tileId: number,
  attendeeId: string,
  parts: Partial<TileInfo> = {},
): TileInfo {
  return {
    tileId,
    attendeeId,
    externalUserId: '',
    isContent: attendeeId.endsWith('#content'),
    isLocal: false,
    active: true,
    ...parts,
  };
}
