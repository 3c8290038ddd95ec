/**
 * Each talker's volume for the room's AUDIO_METADATA reports, from the ssrc-audio-level header of
 * its upstream packets (attenuation in dBov: 0 loudest, 127 silent). A report carries the loudest
 * packet since the previous one, not the last: reports go out every 250 ms while a packet lasts
 * 20 ms, so a word's onset or a short beep would otherwise be missed more often than not.
 */
interface Level {
  /** The last packet's level. */
  last: number | undefined;
  /** The loudest (lowest) level since the last report; undefined when no packet came. */
  loudest: number | undefined;
}

/** The loudest level of each talker since the previous AUDIO_METADATA report. */
export class AudioLevels {
  private readonly talkers = new Map<number, Level>();

  /** A member joined the audio: it is reported (silent until its first packet). */
  add(audioStreamId: number): void {
    this.talkers.set(audioStreamId, { last: undefined, loudest: undefined });
  }

  remove(audioStreamId: number): void {
    this.talkers.delete(audioStreamId);
  }

  /** One upstream packet's level. */
  note(audioStreamId: number, level: number): void {
    const talker = this.talkers.get(audioStreamId);
    if (!talker) return;
    talker.last = level;
    talker.loudest = Math.min(talker.loudest ?? level, level);
  }

  /**
   * The levels for one report, by audio stream id, and a new interval starts. A talker with no
   * packet since the last report keeps its last level (Opus DTX sends nothing while quiet).
   */
  take(): Map<number, number | undefined> {
    const levels = new Map<number, number | undefined>();
    for (const [id, talker] of this.talkers) {
      levels.set(id, talker.loudest ?? talker.last);
      talker.loudest = undefined;
    }
    return levels;
  }
}
