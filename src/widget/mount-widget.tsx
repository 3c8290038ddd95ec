/**
 * The lazily loaded call UI chunk: renders the React widget into the launcher's shadow root. The
 * launcher imports this module only when the customer opens the widget (or prefetches it when
 * idle).
 */
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { prefetchCallEngine } from '../call-engine/load-call-engine';
import { createCallSession } from './call-session';
import type { HostEvent, WidgetConfig } from './call-session-types';
import { createSessionDeps } from './session-deps';
import { claimSavedCall } from './saved-call';
import { entryPointQuery } from '../api/get-entry-point';
import { WidgetRoot } from './widget-root';
import widgetCss from './styles/widget.css?inline';

/** A mounted widget: open, close, and unmount. */
export interface MountedWidget {
  /**
   * Removes the UI at once, then cancels or ends any call; resolves once every device is released.
   */
  unmount(): Promise<void>;
}

/** Where and how to mount the widget. */
export interface MountWidgetOptions {
  config: WidgetConfig;
  onEvent: (e: HostEvent) => void;
  onClose: () => void;
}

/** Renders the call UI into `container` (inside a shadow root, whose styles it adds once). */
export function mountWidget(container: HTMLElement, options: MountWidgetOptions): MountedWidget {
  const root = container.getRootNode();
  if (root instanceof ShadowRoot && !root.querySelector('style[data-cvw-widget]')) {
    const style = document.createElement('style');
    style.dataset.cvwWidget = '';
    style.textContent = widgetCss;
    root.append(style);
  }
  const queryClient = new QueryClient({
    defaultOptions: { queries: { refetchOnWindowFocus: false } },
  });
  const session = createCallSession(
    options.config,
    createSessionDeps(queryClient, options.config.backendUrl),
    options.onEvent,
  );
  // A call a previous page of this tab left running (reload, another page of the site) goes on
  // here.
  const saved = claimSavedCall(options.config.backendUrl, options.config.entryPoint);
  if (saved) void session.rejoin(saved);
  // Leaving the page with a call running leaves it to the next page of this tab when the entry
  // point has a grace period (the backend ends it if the customer does not come back); otherwise it
  // ends the contact. A call still being set up is cancelled either way.
  const onPageHide = () => {
    const info = queryClient.getQueryData(
      entryPointQuery(options.config.backendUrl, options.config.entryPoint).queryKey,
    );
    if ((info?.rejoinGraceSeconds ?? 0) > 0) session.leavePage();
    else void session.dispose();
  };
  window.addEventListener('pagehide', onPageHide);
  const reactRoot = createRoot(container);
  reactRoot.render(
    <QueryClientProvider client={queryClient}>
      <WidgetRoot
        config={options.config}
        session={session}
        onClose={options.onClose}
        onEvent={options.onEvent}
      />
    </QueryClientProvider>,
  );
  void prefetchCallEngine(); // the customer is about to call: fetch the SDK chunk now
  return {
    async unmount() {
      window.removeEventListener('pagehide', onPageHide);
      // The UI goes at once; releasing devices may wait for one still opening (see
      // CallSession.dispose).
      reactRoot.unmount();
      await session.dispose();
      queryClient.clear();
    },
  };
}

/** Starts downloading the call engine chunk (used on launcher hover / idle). */
export { prefetchCallEngine };
