/** The screen for the session's current phase, inside the panel's one stable frame. */
import type { UseQueryResult } from '@tanstack/react-query';
import type { EntryPointInfo } from '../../shared/call-api';
import type { CallSession, SessionState, WidgetConfig } from '../call-session-types';
import type { Strings } from '../strings/strings';
import type { BrowserProblem } from '../browser-support';
import { ConnectingScreen } from './connecting-screen';
import { EndedScreen } from './ended-screen';
import { ErrorScreen } from './error-screen';
import { InCallScreen } from './in-call-screen';
import { PreCallScreen } from './pre-call-screen';
import { UnavailableScreen } from './unavailable-screen';

/** The session's phase and what each screen needs. */
export interface PhaseViewProps {
  t: Strings;
  config: WidgetConfig;
  session: CallSession;
  state: SessionState;
  entry: UseQueryResult<EntryPointInfo, Error>;
  /** The customer's name as entered for this call (for their own tile). */
  selfName: string;
  typed: { digit: string; ok: boolean; n: number } | null;
  onDigit: (digit: string) => Promise<void>;
  onClose: () => void;
  /** Why this browser cannot call (the pre-call screen says so instead of Join), or null. */
  problem: BrowserProblem | null;
  /** Pops the running call out into picture-in-picture (absent where the browser cannot). */
  onPopOut?: (() => void) | undefined;
}

/** The screen of the session's phase. */
export function PhaseView({
  t,
  config,
  session,
  state,
  entry,
  selfName,
  typed,
  onDigit,
  onClose,
  problem,
  onPopOut,
}: PhaseViewProps) {
  const p = state.phase;
  const end = () => void session.end();
  switch (p.phase) {
    case 'pre-call':
      if (entry.isError)
        return (
          <UnavailableScreen
            t={t}
            error={entry.error}
            onRetry={() => void entry.refetch()}
            onClose={onClose}
          />
        );
      if (!entry.data)
        return (
          <p className="cvw-screen">
            <span className="cvw-screen-title">{t.loading}</span>
          </p>
        );
      return (
        <PreCallScreen
          t={t}
          capabilities={entry.data.allowedCapabilities}
          displayName={config.displayName}
          problem={problem}
          {...(config.backgroundImage ? { siteBackground: config.backgroundImage } : {})}
          onJoin={(c) => void session.start(c, entry.data.allowedAttributes)}
        />
      );
    case 'starting':
      return (
        <p className="cvw-screen">
          <span className="cvw-screen-title">{t.loading}</span>
        </p>
      );
    case 'connecting':
      return (
        <ConnectingScreen
          t={t}
          phase={p}
          captions={state.captions}
          onDigit={onDigit}
          onEnd={end}
          engine={state.engine}
          selfName={selfName}
          typed={typed}
        />
      );
    case 'in-call':
      if (!state.engine) return null;
      return (
        <InCallScreen
          t={t}
          engine={state.engine}
          capabilities={p.call.allowedCapabilities}
          agentName={state.agentName ?? ''}
          selfName={selfName}
          people={state.people}
          connectedAt={p.connectedAt}
          onDigit={onDigit}
          onEnd={end}
          typed={typed}
          {...(config.backgroundImage ? { siteBackground: config.backgroundImage } : {})}
          onPopOut={onPopOut}
        />
      );
    case 'ended':
      return (
        <EndedScreen
          t={t}
          agentName={state.agentName}
          phase={p}
          onCallAgain={() => session.reset()}
          onClose={onClose}
          onRate={
            // The entry point decides (the backend refuses ratings where it is off).
            entry.data?.rating === false
              ? undefined
              : (score, comment) => session.rate(score, comment)
          }
        />
      );
    case 'error':
      return (
        <ErrorScreen
          t={t}
          error={p.error}
          onRetry={() => void session.retry()}
          onBack={() => session.reset()}
        />
      );
  }
}
