import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CustomerAway } from './customer-away';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('customer away banner', () => {
  it('counts down to the end, says when it ends, announces each change once, then "back"', () => {
    vi.useFakeTimers();
    vi.setSystemTime(100_000);
    const { rerender } = render(<CustomerAway customerName="Remy" until={108_000} />);
    const status = screen.getByRole('status');
    expect(screen.getByTestId('customer-away').textContent).toBe(
      'Remy is reconnecting… The contact ends in 0:08 unless they come back.',
    );
    expect(status.textContent).toBe(
      'Remy is reconnecting… The contact ends in 8 seconds unless they come back.',
    );
    act(() => void vi.advanceTimersByTime(3000));
    expect(screen.getByTestId('away-countdown').textContent).toBe('0:05');
    expect(status.textContent).toContain('8 seconds'); // not re-announced per tick
    act(() => void vi.advanceTimersByTime(5000));
    expect(screen.getByTestId('customer-away').textContent).toBe(
      'Remy did not come back: ending the contact…',
    );
    expect(status.textContent).toBe('Remy did not come back: ending the contact…');

    rerender(<CustomerAway customerName="Remy" until={undefined} />);
    expect(screen.queryByTestId('customer-away')).toBeNull();
    expect(screen.getByTestId('customer-back').textContent).toBe('Remy is back');
    expect(screen.getByRole('status').textContent).toBe('Remy is back');
    act(() => void vi.advanceTimersByTime(6000));
    expect(screen.queryByTestId('customer-back')).toBeNull();
  });

  it('shows nothing while the customer never left', () => {
    render(<CustomerAway customerName="Remy" until={undefined} />);
    expect(screen.queryByTestId('customer-away')).toBeNull();
    expect(screen.queryByTestId('customer-back')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('');
  });
});
