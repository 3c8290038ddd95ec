import { afterEach, describe, expect, it, vi } from 'vitest';
import { AgentTimers } from './agent-timers';

describe('AgentTimers', () => {
  afterEach(() => vi.useRealTimers());

  it('keeps one timer per agent: a new one replaces the old, clear and close stop them', () => {
    vi.useFakeTimers();
    const timers = new AgentTimers();
    const fired: string[] = [];
    timers.set('alex', 1000, () => fired.push('alex ring'));
    timers.set('alex', 3000, () => fired.push('alex acw'));
    timers.set('sam', 2000, () => fired.push('sam ring'));
    timers.set('kim', 2000, () => fired.push('kim ring'));
    timers.clear('sam');
    vi.advanceTimersByTime(2500);
    expect(fired).toEqual(['kim ring']);
    timers.close();
    vi.advanceTimersByTime(5000);
    expect(fired).toEqual(['kim ring']);
  });
});
