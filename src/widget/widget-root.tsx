/**
 * The call panel: a labelled dialog with one screen per session phase, a live region announcing the
 * call status, focus moved to each new screen's heading, and the tab-visibility re-check.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useQuery } from '@tanstack/react-query';
import { entryPointQuery } from '../api/get-entry-point';
import type { CallSession } from './call-session';
import type { SessionState, WidgetConfig } from './call-session-types';
import { ConnectingScreen, connectingStatus } from './screens/connecting-screen';
import { EndedScreen, endedText } from './screens/ended-screen';
import { ErrorScreen, errorText } from './screens/error-screen';
import { InCallScreen } from './screens/in-call-screen';
import { PreCallScreen } from './screens/pre-call-screen';
import { stringsFor, type Strings } from './strings/strings';
import { LiveRegion } from './ui/live-region';

export interface WidgetRootProps {
  config: WidgetConfig;
  session: CallSession;
  onClose: () => void;
}

/** The sentence the live region announces for a state. */
export function statusMessage(t: Strings, s: SessionState): string {
  const p = s.phase;
  switch (p.phase) {
    case 'pre-call':
      return t.preCallTitle;
    case 'starting':
      return t.loading;
    case 'connecting':
      return connectingStatus(t, p);
    case 'in-call':
      return t.agentJoined(p.agentName || s.agentName || t.agent);
    case 'ended':
      return `${t.endedTitle}. ${endedText(t, p.endedBy)}`;
    case 'error':
      return errorText(t, p.error);
  }
}

export function WidgetRoot({ config, session, onClose }: WidgetRootProps) {
  const t = stringsFor(config.locale);
  const state = useSyncExternalStore(session.subscribe, session.getState);
  const entry = useQuery(entryPointQuery(config.backendUrl, config.entryPoint));
  const panel = useRef<HTMLDivElement>(null);
  const p = state.phase;

  useEffect(() => {
    const heading = panel.current?.querySelector<HTMLElement>('.cvw-screen-title');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  }, [p.phase]);
  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && session.resume();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [session]);

  const onDigit = (d: string) => session.sendDigit(d);
  const end = () => void session.end();
  return (
    <div className="cvw-panel" role="dialog" aria-labelledby="cvw-title" dir={t.dir} lang={config.locale} ref={panel}>
      <div className="cvw-panel-head">
        <h2 id="cvw-title">{t.dialogTitle}</h2>
        <button type="button" className="cvw-close" aria-label={t.close} onClick={onClose}>×</button>
      </div>
      <LiveRegion message={statusMessage(t, state)} />
      {p.phase === 'pre-call' &&
        (entry.isError ? (
          <ErrorScreen t={t} error={{ kind: 'backend', name: 'EntryPoint', message: entry.error.message, retryable: true, unreachable: 'status' in entry.error && entry.error.status === 0 }} onRetry={() => void entry.refetch()} onBack={() => void entry.refetch()} />
        ) : entry.data ? (
          <PreCallScreen t={t} capabilities={entry.data.allowedCapabilities} displayName={config.displayName} onJoin={(c) => void session.start(c)} />
        ) : (
          <p className="cvw-screen">{t.loading}</p>
        ))}
      {p.phase === 'starting' && <p className="cvw-screen"><span className="cvw-screen-title">{t.loading}</span></p>}
      {p.phase === 'connecting' && <ConnectingScreen t={t} phase={p} captions={state.captions} onDigit={onDigit} onEnd={end} engine={state.engine} />}
      {p.phase === 'in-call' && state.engine && (
        <InCallScreen t={t} engine={state.engine} capabilities={p.call.allowedCapabilities} agentName={p.agentName || state.agentName || ''} connectedAt={p.connectedAt} onDigit={onDigit} onEnd={end} />
      )}
      {p.phase === 'ended' && <EndedScreen t={t} phase={p} onCallAgain={() => session.reset()} />}
      {p.phase === 'error' && <ErrorScreen t={t} error={p.error} onRetry={() => void session.retry()} onBack={() => session.reset()} />}
    </div>
  );
}
