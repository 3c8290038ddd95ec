/**
 * Who is speaking, from the meeting's volume indicators: the loudest unmuted attendee above a floor
 * takes over only when louder than the current speaker by a margin, and the current speaker keeps
 * the highlight through pauses, so tiles do not flicker between people talking over each other.
 */

/** Normalised volume (0–1, Chime's scale) below which an attendee counts as silent. */
export const SPEAKING_FLOOR = 0.2;
/** How much louder a new speaker must be than the current one to take over. */
export const TAKEOVER_MARGIN = 0.1;

/** The active speaker after a volume change, given every attendee's current level (muted = 0). */
export function nextActiveSpeaker(
  current: string | null,
  levels: Map<string, number>,
): string | null {
  let loudest: string | null = null;
  let top = SPEAKING_FLOOR;
  for (const [id, level] of levels) {
    if (level >= top) {
      loudest = id;
      top = level;
    }
  }
  if (loudest === null || loudest === current) return current;
  const held = current === null ? undefined : levels.get(current);
  if (held === undefined) return loudest; // nobody yet, or the speaker left
  return top > held + TAKEOVER_MARGIN ? loudest : current;
}
