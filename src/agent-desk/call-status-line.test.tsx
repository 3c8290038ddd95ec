import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { presentAttendee, snapshotOf } from '../call-engine/testing/snapshot-of';
import { CallStatusLine } from './call-status-line';
import { customerMuted } from './contact-call';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('call status line', () => {
  it('counts call time from the accept, not from the contact start', () => {
    vi.useFakeTimers();
    vi.setSystemTime(100_000);
    render(
      <CallStatusLine
        since={100_000 - 65_000}
        network="good"
        customerName="Dana"
        customerMuted={false}
      />,
    );
    expect(screen.getByTestId('call-timer').textContent).toBe('1:05');
    act(() => void vi.advanceTimersByTime(2000));
    expect(screen.getByTestId('call-timer').textContent).toBe('1:07');
  });

  it('shows no timer before the accept', () => {
    render(
      <CallStatusLine since={undefined} network="good" customerName="Dana" customerMuted={false} />,
    );
    expect(screen.queryByTestId('call-timer')).toBeNull();
  });

  it('shows network quality and the customer muted badge, announcing the mute', () => {
    const { rerender } = render(
      <CallStatusLine
        since={Date.now()}
        network="good"
        customerName="Dana"
        customerMuted={false}
      />,
    );
    expect(screen.getByTestId('network-quality').textContent).toBe('Network: good');
    expect(screen.queryByTestId('customer-muted')).toBeNull();
    rerender(
      <CallStatusLine since={Date.now()} network="poor" customerName="Dana" customerMuted />,
    );
    expect(screen.getByTestId('network-quality').textContent).toMatch(/^Network: poor/);
    expect(screen.getByTestId('customer-muted').textContent).toBe('Dana is muted');
    expect(screen.getByRole('status').textContent).toBe('Dana is muted');
  });
});

describe('customer mute state from the call snapshot', () => {
  const snap = (...attendees: Array<[string, boolean]>) =>
    snapshotOf({
      selfAttendeeId: 'agent',
      attendees: attendees.map(([id, muted]) => presentAttendee(id, { muted })),
    });
  it('reads the remote camera attendee and ignores this desk and content shares', () => {
    expect(customerMuted(snap(['agent', true], ['cust', true]))).toBe(true);
    expect(customerMuted(snap(['agent', true], ['cust', false]))).toBe(false);
    expect(customerMuted(snap(['cust#content', true], ['cust', false]))).toBe(false);
    expect(customerMuted(snap())).toBe(false);
  });
});
