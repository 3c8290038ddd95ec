import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callSeconds } from '../screens/in-call-screen';
import { useNow } from './use-now';

/** Shows the call time the way the in-call timer does. */
function Timer({ connectedAt }: { connectedAt: number }) {
  return <span data-testid="timer">{callSeconds(connectedAt, useNow(connectedAt))}</span>;
}

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useNow', () => {
  it('changes the shown second as the call second changes, whenever the timer was mounted', () => {
    // Connected 0.9 s before the timer mounted: an interval from mount would change the text
    // 0.9 s late every second.
    const connectedAt = Date.now() - 900;
    const { getByTestId } = render(<Timer connectedAt={connectedAt} />);
    const shown = () => Number(getByTestId('timer').textContent);
    expect(shown()).toBe(0);
    for (let second = 1; second <= 5; second++) {
      act(() => vi.advanceTimersByTime(second === 1 ? 99 : 998)); // just before the boundary
      expect(shown()).toBe(second - 1);
      act(() => vi.advanceTimersByTime(2)); // just past it
      expect(shown()).toBe(second);
    }
  });

  it('stops ticking when inactive and on unmount', () => {
    function Idle() {
      return <span>{useNow(0, false)}</span>;
    }
    const { unmount } = render(<Idle />);
    expect(vi.getTimerCount()).toBe(0);
    unmount();
    render(<Timer connectedAt={Date.now()} />);
    expect(vi.getTimerCount()).toBe(1);
    cleanup();
    expect(vi.getTimerCount()).toBe(0);
  });
});
