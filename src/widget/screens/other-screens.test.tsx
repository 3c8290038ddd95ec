import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StartCallResponse } from '../../shared/call-api';
import { stringsFor } from '../strings/strings';
import { ConnectingScreen } from './connecting-screen';
import { EndedScreen } from './ended-screen';
import { ErrorScreen } from './error-screen';
import { browserHelp } from '../ui/permission-help';
import { createFakeCallEngine } from '../../call-engine/testing/fake-call-engine';

const call = {} as StartCallResponse;
afterEach(cleanup);

describe('ConnectingScreen', () => {
  it('shows the queue state, captions and a keypad whose digits go to onDigit', async () => {
    const onDigit = vi.fn(async () => undefined);
    const onEnd = vi.fn();
    render(
      <ConnectingScreen
        t={stringsFor('en')}
        phase={{ phase: 'connecting', call, startedAt: Date.now() - 65_000, flowState: 'queued' }}
        captions={[{ id: '1', text: 'Press 1 for sales' }]}
        onDigit={onDigit}
        onEnd={onEnd}
      />,
    );
    expect(screen.getByText('Waiting for an agent')).toBeTruthy();
    expect(screen.getByTestId('waiting-time').textContent).toMatch(/^Waiting time 1:0[5-6]$/);
    expect(screen.getByRole('region', { name: 'Captions' }).textContent).toContain(
      'Press 1 for sales',
    );
    const toggle = screen.getByRole('button', { name: 'Show keypad' });
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await userEvent.click(screen.getByRole('button', { name: '#' }));
    expect(onDigit).toHaveBeenCalledWith('#');
    expect(await screen.findByText('Sent #')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'End call' }));
    expect(onEnd).toHaveBeenCalled();
  });

  it('offers Start audio while the flow runs when the browser blocked the prompts', async () => {
    const { engine } = createFakeCallEngine({ initial: { audioBlocked: true } });
    render(
      <ConnectingScreen
        t={stringsFor('en')}
        phase={{ phase: 'connecting', call, startedAt: Date.now(), flowState: 'in-flow' }}
        captions={[]}
        onDigit={vi.fn()}
        onEnd={vi.fn()}
        engine={engine}
      />,
    );
    expect(screen.getByText('Your browser paused the call audio.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Tap to hear the call' }));
    expect(engine.startAudio).toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Tap to hear the call' })).toBeNull();
  });

  it('reports a digit that could not be sent', async () => {
    render(
      <ConnectingScreen
        t={stringsFor('en')}
        phase={{ phase: 'connecting', call, startedAt: Date.now(), flowState: 'in-flow' }}
        captions={[]}
        onDigit={async () => Promise.reject(new Error('x'))}
        onEnd={vi.fn()}
      />,
    );
    expect(screen.getByText('Please listen to the instructions.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Show keypad' }));
    await userEvent.click(screen.getByRole('button', { name: '5' }));
    expect(await screen.findByText('The key could not be sent. Try again.')).toBeTruthy();
  });
});

describe('EndedScreen', () => {
  it.each([
    ['customer', 'You ended the call.'],
    ['agent', 'The agent ended the call.'],
    ['connection', 'The connection was lost.'],
    ['system', 'The call was ended.'],
  ] as const)('ended by %s', async (endedBy, text) => {
    const again = vi.fn();
    render(
      <EndedScreen
        t={stringsFor('en')}
        phase={{ phase: 'ended', contactId: 'c', endedBy, durationSeconds: 3725 }}
        agentName="Sam"
        onCallAgain={again}
        onClose={vi.fn()}
      />,
    );
    expect(screen.getByText('Your call with Sam')).toBeTruthy();
    expect(screen.getByText(text)).toBeTruthy();
    expect(screen.getByText('Duration 1:02:05')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Call again' }));
    expect(again).toHaveBeenCalled();
  });

  it('speaks Spanish', () => {
    render(
      <EndedScreen
        t={stringsFor('es-MX')}
        phase={{
          phase: 'ended',
          contactId: 'c',
          endedBy: 'agent',
          durationSeconds: 5,
        }}
        agentName={null}
        onCallAgain={vi.fn()}
        onClose={vi.fn()}
      />,
    );
    expect(screen.getByText('El agente finalizó la llamada.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Llamar de nuevo' })).toBeTruthy();
  });
});

describe('ErrorScreen', () => {
  it('offers Try again only for retryable backend errors', () => {
    const { rerender } = render(
      <ErrorScreen
        t={stringsFor('en')}
        error={{ kind: 'backend', name: 'X', message: 'm', retryable: true, unreachable: true }}
        onRetry={vi.fn()}
        onBack={vi.fn()}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('could not reach');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    rerender(
      <ErrorScreen
        t={stringsFor('en')}
        error={{
          kind: 'backend',
          name: 'InvalidParameterException',
          message: 'bad name',
          retryable: false,
          unreachable: false,
        }}
        onRetry={vi.fn()}
        onBack={vi.fn()}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe(
      'The video-call service refused the call: bad name',
    );
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('gives browser-specific permission guidance', () => {
    const t = stringsFor('en');
    expect(browserHelp(t, 'Mozilla/5.0 Firefox/130.0')).toBe(t.permissionHelpFirefox);
    expect(browserHelp(t, 'Mozilla/5.0 Chrome/130.0 Safari/537.36')).toBe(t.permissionHelpChrome);
    expect(browserHelp(t, 'Mozilla/5.0 Version/17.0 Safari/605.1.15')).toBe(t.permissionHelpSafari);
  });
});
