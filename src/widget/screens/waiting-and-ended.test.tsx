import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StartCallResponse } from '../../shared/call-api';
import { stringsFor } from '../strings/strings';
import { ConnectingScreen } from './connecting-screen';
import { EndedScreen } from './ended-screen';

const t = stringsFor('en');
const call = {} as StartCallResponse;
afterEach(cleanup);

describe('designed waiting', () => {
  it('opens the keypad by itself while the flow asks, shows the latest caption first', () => {
    render(
      <ConnectingScreen
        t={t}
        phase={{ phase: 'connecting', call, startedAt: Date.now(), flowState: 'in-flow' }}
        captions={[
          { id: '1', text: 'Hello' },
          { id: '2', text: 'Press 1 or 2' },
        ]}
        onDigit={vi.fn()}
        onEnd={vi.fn()}
      />,
    );
    expect(screen.getByRole('group', { name: 'Keypad' })).toBeTruthy();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Press 1 or 2',
      'Hello',
    ]);
    expect(screen.getByText('You can also press the number keys on your keyboard.')).toBeTruthy();
  });

  it('keeps the keypad closed with no question pending, and reports a typed key', () => {
    const { rerender } = render(
      <ConnectingScreen
        t={t}
        phase={{
          phase: 'connecting',
          call,
          startedAt: Date.now(),
          flowState: 'queued',
          queueName: 'Support',
        }}
        captions={[]}
        onDigit={vi.fn()}
        onEnd={vi.fn()}
      />,
    );
    expect(screen.getByText('Waiting for an agent in Support')).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Keypad' })).toBeNull();
    rerender(
      <ConnectingScreen
        t={t}
        phase={{ phase: 'connecting', call, startedAt: Date.now(), flowState: 'in-flow' }}
        captions={[{ id: '3', text: 'Press 1' }]}
        onDigit={vi.fn()}
        onEnd={vi.fn()}
        typed={{ digit: '1', ok: true, n: 1 }}
      />,
    );
    expect(screen.getByText('Sent 1')).toBeTruthy();
  });
});

describe('ended screen', () => {
  it('shows no duration for a call that never reached an agent, and offers Close beside Call again', async () => {
    const onClose = vi.fn();
    render(
      <EndedScreen
        t={t}
        phase={{
          phase: 'ended',
          contactId: 'c',
          endedBy: 'system',
          durationSeconds: null,
        }}
        agentName={null}
        onCallAgain={vi.fn()}
        onClose={onClose}
      />,
    );
    expect(screen.queryByTestId('duration')).toBeNull();
    expect(screen.getByText('The call ended before an agent joined.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Call again' })).toBeTruthy();
  });
});
