import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { choice, setup } from '../testing/session-harness';
import { WidgetRoot } from '../widget-root';
import type { BrowserGlobals } from '../browser-support';
import type { DocumentPip } from './pip-support';

const config = { backendUrl: 'http://h', entryPoint: 'default', locale: 'en' };
const entryInfo = {
  id: 'default',
  allowedCapabilities: { Customer: { Video: 'SEND' }, Agent: { Video: 'SEND' } },
  allowedAttributes: ['language'],
  requiresCustomerToken: false,
};
const capable: BrowserGlobals = {
  isSecureContext: true,
  RTCPeerConnection: class {},
  RTCRtpSender: class {},
  navigator: { mediaDevices: { getUserMedia: () => undefined } },
};

/**
 * A Document Picture-in-Picture whose window is a second document (an iframe's: jsdom gives it a
 * view, as the browser does); closing the window fires `pagehide` on it.
 */
function fakePip(fail?: Error) {
  const frame = document.createElement('iframe');
  document.documentElement.append(frame);
  const doc = frame.contentDocument!;
  const win = Object.assign(new EventTarget(), {
    document: doc,
    closed: false,
    close: vi.fn(() => {
      if (win.closed) return;
      win.closed = true;
      win.dispatchEvent(new Event('pagehide'));
    }),
  });
  const api: DocumentPip = {
    requestWindow: vi.fn(async () => {
      if (fail) throw fail;
      return win as unknown as Window;
    }),
  };
  /** The call view inside the window's shadow root. */
  const view = () =>
    within(doc.body.firstElementChild!.shadowRoot!.lastElementChild as HTMLElement);
  return { api, win, doc, view };
}

async function inCall(pictureInPicture: DocumentPip | null) {
  const h = setup();
  render(
    <QueryClientProvider client={new QueryClient()}>
      <WidgetRoot
        config={config}
        session={h.session}
        onClose={vi.fn()}
        browser={capable}
        pictureInPicture={pictureInPicture}
      />
    </QueryClientProvider>,
  );
  await act(() => h.session.start(choice, ['language']));
  act(() => h.event({ type: 'agent-joined', name: 'Sam' }));
  await screen.findByRole('heading', { name: 'In call with Sam' });
  return h;
}
const announced = () => document.querySelector('[aria-live="polite"]')?.textContent;

// The widget imports the picture-in-picture module on the Pop out press. Its first import here is
// a cold transform that can outlast findByRole's wait on a loaded machine; what the tests check is
// what the press does, so the module is loaded once before them (the press still imports it).
beforeAll(() => import('./popped-out-call'));
beforeEach(() =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(entryInfo), { status: 200 })),
  ),
);
afterEach(() => {
  cleanup();
  document.querySelectorAll('iframe').forEach((f) => f.remove());
  vi.unstubAllGlobals();
});

describe('WidgetRoot picture-in-picture', () => {
  it('offers no Pop out where the browser has no Document Picture-in-Picture', async () => {
    await inCall(null);
    expect(screen.queryByRole('button', { name: 'Pop out' })).toBeNull();
  });

  it('pops the call out and back: the page keeps a card with Bring back, the window drives the same engine', async () => {
    const pip = fakePip();
    const h = await inCall(pip.api);
    await userEvent.click(screen.getByRole('button', { name: 'Pop out' }));
    const card = await screen.findByRole('region', { name: 'Call is in picture-in-picture' });
    expect(pip.api.requestWindow).toHaveBeenCalledOnce();
    expect(screen.queryByRole('dialog')).toBeNull(); // the panel is hidden meanwhile
    await waitFor(() =>
      expect(document.activeElement).toBe(within(card).getByRole('button', { name: 'Bring back' })),
    );
    expect(announced()).toBe('Call is in picture-in-picture');
    // The window: titled, the widget's styles, Mute and End on the same engine.
    expect(pip.doc.title).toBe('Video call');
    expect(pip.view().getByTestId('pip-call')).toBeTruthy();
    await userEvent.click(pip.view().getByRole('button', { name: 'Mute' }));
    expect(h.engine.setMuted).toHaveBeenCalledWith(true);
    expect(pip.view().getByRole('button', { name: 'Unmute' })).toBeTruthy();
    expect(h.session.getState().engine?.getSnapshot().muted).toBe(true);

    await userEvent.click(within(card).getByRole('button', { name: 'Bring back' }));
    expect(pip.win.close).toHaveBeenCalled();
    expect(screen.queryByRole('region', { name: 'Call is in picture-in-picture' })).toBeNull();
    const dialog = screen.getByRole('dialog', { name: 'Video call' });
    // Muted in the window, muted in the page: one snapshot.
    expect(within(dialog).getByRole('button', { name: 'Unmute' })).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Pop out' })),
    );
    expect(announced()).toBe('Call is back in the page');
  });

  it("closing the window with the browser's own control puts the call back in the page", async () => {
    const pip = fakePip();
    await inCall(pip.api);
    await userEvent.click(screen.getByRole('button', { name: 'Pop out' }));
    await screen.findByRole('region', { name: 'Call is in picture-in-picture' });
    act(() => pip.win.close());
    expect(screen.getByRole('dialog', { name: 'Video call' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'In call with Sam' })).toBeTruthy();
  });

  it('End in the window ends the call, closes the window and shows how it ended', async () => {
    const pip = fakePip();
    const h = await inCall(pip.api);
    await userEvent.click(screen.getByRole('button', { name: 'Pop out' }));
    await screen.findByRole('region', { name: 'Call is in picture-in-picture' });
    await userEvent.click(pip.view().getByRole('button', { name: 'End call' }));
    await screen.findByRole('heading', { name: 'Call ended' });
    expect(h.deps.endCall).toHaveBeenCalledWith('c-1', 'tok');
    expect(pip.win.close).toHaveBeenCalled();
    expect(screen.queryByRole('region', { name: 'Call is in picture-in-picture' })).toBeNull();
  });

  it('a widget that goes away while Pop out is under way opens no window', async () => {
    const pip = fakePip();
    await inCall(pip.api);
    // A press and an unmount in one task: the module's import has not resolved in between.
    fireEvent.click(screen.getByRole('button', { name: 'Pop out' }));
    cleanup();
    await import('./popped-out-call');
    await new Promise((r) => setTimeout(r, 0));
    expect(pip.api.requestWindow).not.toHaveBeenCalled();
  });

  it('a window that does not open is said in the panel and announced; the call stays', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const pip = fakePip(new DOMException('no activation', 'NotAllowedError'));
    await inCall(pip.api);
    await userEvent.click(screen.getByRole('button', { name: 'Pop out' }));
    expect(
      await screen.findByText('Picture-in-picture did not open.', { selector: '.cvw-banner' }),
    ).toBeTruthy();
    expect(announced()).toBe('Picture-in-picture did not open.');
    expect(warn.mock.calls[0]?.[0]).toContain('picture-in-picture did not open');
    expect(screen.getByRole('heading', { name: 'In call with Sam' })).toBeTruthy();
  });
});
