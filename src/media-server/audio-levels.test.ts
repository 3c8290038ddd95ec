import { describe, expect, it } from 'vitest';
import { AudioLevels } from './audio-levels';

describe('AudioLevels', () => {
  it('reports the loudest packet of each interval, so a short beep between two reports is not lost', () => {
    const levels = new AudioLevels();
    levels.add(1);
    levels.add(2);
    // One loud 20 ms packet (a beep) among quiet ones: the last packet alone would say "silent".
    for (const level of [90, 90, 20, 90, 95]) levels.note(1, level);
    expect(levels.take()).toEqual(
      new Map([
        [1, 20],
        [2, undefined],
      ]),
    );
    // No packet since: the last level stands (Opus DTX sends nothing while quiet).
    expect(levels.take().get(1)).toBe(95);
    levels.note(1, 60);
    expect(levels.take().get(1)).toBe(60);
  });

  it('forgets a talker that left and ignores packets of one that never joined', () => {
    const levels = new AudioLevels();
    levels.add(1);
    levels.note(1, 10);
    levels.remove(1);
    levels.note(3, 10);
    expect(levels.take()).toEqual(new Map());
  });
});
