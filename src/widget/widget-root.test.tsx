import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeCallEngine } from '../call-engine/testing/fake-call-engine';
import { choice, setup } from './testing/session-harness';
import { WidgetRoot } from './widget-root';
import type { BrowserGlobals } from './browser-support';

const config = { backendUrl: 'http://h', entryPoint: 'default', locale: 'en' };
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const entryInfo = {
  id: 'default',
  allowedCapabilities: { Customer: { Video: 'SEND' } },
  allowedAttributes: ['language'],
  requiresCustomerToken: false,
};

/** A browser that can call (jsdom itself has no WebRTC). */
const capable: BrowserGlobals = {
  isSecureContext: true,
  RTCPeerConnection: class {},
  RTCRtpSender: class {},
  navigator: { mediaDevices: { getUserMedia: () => undefined } },
};

function renderRoot(onClose = vi.fn(), onEvent = vi.fn(), browser = capable) {
  const h = setup();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <WidgetRoot
        config={config}
        session={h.session}
        onClose={onClose}
        onEvent={onEvent}
        browser={browser}
      />
    </QueryClientProvider>,
  );
  return { h, onClose, onEvent };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('WidgetRoot', () => {
  it('tells the customer on opening that this site may not place calls; detail to the console and cvc-error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(403, {
          error: {
            name: 'AccessDeniedException',
            message: 'Origin http://x is not allowed to use this API.',
          },
        }),
      ),
    );
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { onEvent, onClose } = renderRoot();
    expect(
      await screen.findByText(
        'This website is not set up for video calls yet. Please contact us another way, or try again later.',
      ),
    ).toBeTruthy();
    expect(onEvent).toHaveBeenCalledWith({
      type: 'error',
      name: 'AccessDeniedException',
      message: 'Origin http://x is not allowed to use this API.',
    });
    expect(log.mock.calls[0]?.[0]).toContain('AccessDeniedException');
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('tells a browser without WebRTC so before Join, with what to do; the reason to cvc-error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(200, entryInfo)),
    );
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { onEvent } = renderRoot(vi.fn(), vi.fn(), {
      ...capable,
      RTCPeerConnection: undefined,
    });
    const notice = await screen.findByTestId('unsupported-browser');
    expect(notice.textContent).toContain('This browser cannot make video calls');
    expect(notice.textContent).toContain(
      'It lacks what video calls need (WebRTC). Open this page in an up-to-date Safari',
    );
    expect(screen.queryByRole('button', { name: 'Join call' })).toBeNull();
    expect(onEvent).toHaveBeenCalledWith({
      type: 'error',
      name: 'UnsupportedBrowser',
      message: 'no-webrtc',
    });
    expect(
      log.mock.calls.some(([m]) => String(m).includes('cannot make calls here (no-webrtc)')),
    ).toBe(true);
  });

  it('names an unknown entry point in customer words', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(404, {
          error: { name: 'ResourceNotFoundException', message: 'Unknown entry point "default".' },
        }),
      ),
    );
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderRoot();
    expect(
      await screen.findByText('This video call link is not set up. Please contact us another way.'),
    ).toBeTruthy();
  });

  it('focuses the name on open; during a call × and Escape minimise to the bubble and only End ends it', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(200, entryInfo)),
    );
    const { h, onClose } = renderRoot();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Your name')));
    await act(() => h.session.start(choice, ['language']));
    await userEvent.click(screen.getByRole('button', { name: 'Minimise video call' }));
    expect(screen.getByTestId('call-bubble')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toBe('Open video call'),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Open video call' }));
    await userEvent.keyboard('{Escape}');
    expect(screen.getByTestId('call-bubble')).toBeTruthy();
    expect(h.session.getState().phase.phase).toBe('connecting');
    await userEvent.click(screen.getByRole('button', { name: 'End call' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Call ended' })).toBeTruthy());
  });

  it('while the call is being set up, × and Escape close (cancel) instead of minimising', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(200, entryInfo)),
    );
    const { h, onClose } = renderRoot();
    const slow = createFakeCallEngine({ startsOnJoin: false });
    h.deps.loadEngine.mockResolvedValueOnce(slow.engine);
    await act(() => h.session.start(choice));
    expect(h.session.getState().settingUp).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel the call and close' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('call-bubble')).toBeNull();
    screen.getByRole('heading', { name: 'Connecting you' }).focus();
    await userEvent.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(2);
    act(() => slow.meeting.started());
    expect(screen.getByRole('button', { name: 'Minimise video call' })).toBeTruthy();
  });

  it('sends number keys typed in the widget as DTMF', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(200, entryInfo)),
    );
    const { h } = renderRoot();
    await act(() => h.session.start(choice));
    screen.getByRole('heading', { name: 'Connecting you' }).focus();
    await userEvent.keyboard('2');
    expect(h.deps.sendDtmf).toHaveBeenCalledWith('c-1', 'tok', '2');
  });
});
