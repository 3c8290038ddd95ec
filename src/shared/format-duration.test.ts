import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration';

describe('formatDuration', () => {
  it('formats durations as m:ss and h:mm:ss', () => {
    expect([0, 9, 65, 3599, 3600, 3725].map(formatDuration)).toEqual([
      '0:00',
      '0:09',
      '1:05',
      '59:59',
      '1:00:00',
      '1:02:05',
    ]);
  });

  it('counts whole seconds and never below zero', () => {
    expect([59.99, -5].map(formatDuration)).toEqual(['0:59', '0:00']);
  });
});
