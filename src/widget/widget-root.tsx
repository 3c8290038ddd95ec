/**
 * The call panel: one stable frame (a labelled modal dialog whose header never scrolls away) with
 * the screen of the current phase; during a call × and Escape minimise it to a bubble instead of
 * hanging up. Where the browser has Document Picture-in-Picture the call can pop out of the page
 * (the module loads on the press) and back. Focus moves into the dialog on open, stays inside while
 * open and follows each new screen; number keys answer the flow; one polite live region announces
 * each state change.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Minimize2, X } from 'lucide-react';
import { entryPointQuery } from '../api/get-entry-point';
import type { CallSession, HostEvent, SessionState, WidgetConfig } from './call-session-types';
import { connectingStatus } from './screens/connecting-screen';
import { endedText } from './screens/ended-screen';
import { errorText } from './screens/error-screen';
import { MinimisedBubble } from './screens/minimised-bubble';
import { PhaseView } from './screens/phase-view';
import { stringsFor, type Strings } from './strings/strings';
import { IconButton } from './ui/icon-button';
import { LiveRegion } from './ui/live-region';
import { addedName } from './screens/participant-names';
import { useDigitKeys } from './ui/use-digit-keys';
import { browserProblem, type BrowserGlobals } from './browser-support';
import { isTouchDevice, watchBackgroundCamera } from './background-camera';
import { useFocusTrap } from './ui/use-focus-trap';
import { useVisualViewport } from './ui/use-visual-viewport';
import { documentPip, type DocumentPip } from './pip/pip-support';
import type { PoppedOut } from './pip/popped-out-call';
import type { EngineBindings } from './pip/pip-view';
import { useCallSnapshot } from '../call-engine/use-call-snapshot';
import { Tile } from './ui/tile';

const pipBindings: EngineBindings = { useCallSnapshot, Tile };

/**
 * What the panel needs from the embed: the site's configuration, the call controller, and how to
 * close it.
 */
export interface WidgetRootProps {
  config: WidgetConfig;
  session: CallSession;
  onClose: () => void;
  /** Host-page events raised by the UI itself (an entry point refused on opening). */
  onEvent?: (e: HostEvent) => void;
  /** Whose WebRTC and camera support is checked before Join (this window unless given). */
  browser?: BrowserGlobals;
  /** Document Picture-in-Picture (this window's, where it has one, unless given; null: none). */
  pictureInPicture?: DocumentPip | null;
}

/** The sentence the live region announces for a state. */
function statusMessage(t: Strings, s: SessionState): string {
  const p = s.phase;
  switch (p.phase) {
    case 'pre-call':
      return t.preCallTitle;
    case 'starting':
      return t.loading;
    case 'connecting':
      return connectingStatus(t, p);
    case 'in-call': {
      const agentName = s.agentName || t.agent;
      const note = s.rosterNote;
      // Someone besides the agent joined or left since: that is the latest news.
      if (!note || note.externalUserId.startsWith('agent-')) return t.agentJoined(agentName);
      const name = addedName(note.externalUserId, s.people, t);
      return note.joined ? t.agentJoined(name) : t.personLeft(name);
    }
    case 'ended':
      return `${t.endedTitle}. ${endedText(t, p.endedBy, p.durationSeconds !== null)}`;
    case 'error':
      return errorText(t, p.error);
  }
}

/**
 * The call panel around the current phase's screen; see the file comment for the focus and minimise
 * rules.
 */
export function WidgetRoot({
  config,
  session,
  onClose,
  onEvent,
  browser,
  pictureInPicture = documentPip(),
}: WidgetRootProps) {
  const t = stringsFor(config.locale);
  const state = useSyncExternalStore(session.subscribe, session.getState);
  const entry = useQuery(entryPointQuery(config.backendUrl, config.entryPoint));
  const panel = useRef<HTMLDivElement>(null);
  const bubble = useRef<HTMLDivElement>(null);
  const [minimised, setMinimised] = useState(false);
  const [typed, setTyped] = useState<{ digit: string; ok: boolean; n: number } | null>(null);
  const [problem] = useState(() => browserProblem(browser));
  const p = state.phase;
  const inCall = p.phase === 'connecting' || p.phase === 'in-call';
  // A call still being set up is cancelled by closing (the widget goes away with it); a running one
  // minimises.
  const running = inCall && !state.settingUp;
  // the call ended while minimised: show how it ended
  if (!inCall && minimised) setMinimised(false);
  // The call in a picture-in-picture window; `pipNote` says what happened last (back in the page,
  // or the window did not open): announced, shown when it failed, and focus goes back to Pop out.
  const [popped, setPopped] = useState<PoppedOut | null>(null);
  const [pipNote, setPipNote] = useState<string | null>(null);
  if (p.phase !== 'in-call' && (popped || pipNote)) {
    setPopped(null);
    setPipNote(null);
  }
  // The pop-out under way (its module loads, then the window opens): the widget going away cancels
  // it, so no window opens for a widget that is gone.
  const popping = useRef<AbortController | null>(null);
  useEffect(() => () => popping.current?.abort(), []);
  const popOut = pictureInPicture
    ? () => {
        const from = panel.current;
        if (!from) return;
        popping.current?.abort();
        const start = new AbortController();
        popping.current = start;
        setPipNote(null);
        import('./pip/popped-out-call')
          .then((m) => m.popOut(pictureInPicture, from, t, session, start.signal))
          .then(
            (opened) => {
              if (!start.signal.aborted) setPopped(opened);
            },
            (e: unknown) => {
              if (start.signal.aborted) return;
              console.warn('<connect-video-call>: picture-in-picture did not open', e);
              setPipNote(t.popOutFailed);
            },
          );
      }
    : undefined;

  const dismiss = () => (running ? (setMinimised(true), setPipNote(null)) : onClose());
  useFocusTrap(panel, !minimised && !popped);
  useVisualViewport(panel);
  const sendTyped = useCallback(
    (digit: string) => {
      if (!inCall) return;
      session.sendDigit(digit).then(
        () => setTyped((x) => ({ digit, ok: true, n: (x?.n ?? 0) + 1 })),
        () => setTyped((x) => ({ digit, ok: false, n: (x?.n ?? 0) + 1 })),
      );
    },
    [inCall, session],
  );
  useDigitKeys(panel, sendTyped);

  // Focus: into the dialog on open (first field or Join), to each new screen's heading, to the
  // bubble's expand.
  const opened = useRef(false);
  useEffect(() => {
    if (minimised) return bubble.current?.querySelector<HTMLElement>('[data-cvw-expand]')?.focus();
    const el = panel.current;
    if (!el || popped) return; // the popped-out card focuses its Bring back itself
    // Back from picture-in-picture: to Pop out, unless it sits in the closed More menu.
    const popOutButton = pipNote ? el.querySelector<HTMLElement>('[data-cvw-popout]') : null;
    if (popOutButton && !popOutButton.closest('[hidden]')) return popOutButton.focus();
    const first =
      !opened.current && p.phase === 'pre-call'
        ? el.querySelector<HTMLElement>('.cvw-footer input, .cvw-footer button')
        : null;
    const target = first ?? el.querySelector<HTMLElement>('.cvw-screen-title');
    if (!first && target) target.setAttribute('tabindex', '-1');
    if (first) opened.current = true;
    target?.focus();
  }, [p.phase, minimised, entry.status, popped, pipNote]);
  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && session.resume();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [session]);
  // Phones stop capture in the background: pause the camera there and resume it, telling the agent.
  const engine = state.engine;
  useEffect(
    () => (engine && isTouchDevice() ? watchBackgroundCamera(engine, document) : undefined),
    [engine],
  );
  // A refusal known before Join: technical detail to the console and the host page.
  useEffect(() => {
    if (!entry.error) return;
    const name = 'errorName' in entry.error ? String(entry.error.errorName) : entry.error.name;
    console.error(
      `<connect-video-call>: entry point "${config.entryPoint}" at ${config.backendUrl}: ${name}: ${entry.error.message}`,
    );
    onEvent?.({ type: 'error', name, message: entry.error.message });
  }, [entry.error, config.entryPoint, config.backendUrl, onEvent]);
  // A browser that cannot call: said on screen before Join; the host page and console get the
  // reason.
  useEffect(() => {
    if (!problem) return;
    console.error(`<connect-video-call>: this browser cannot make calls here (${problem}).`);
    onEvent?.({ type: 'error', name: 'UnsupportedBrowser', message: problem });
  }, [problem, onEvent]);

  return (
    <>
      <LiveRegion
        message={
          popped
            ? t.poppedOut
            : (pipNote ??
              (minimised
                ? t.minimisedCall(
                    p.phase === 'in-call' ? state.agentName || t.agent : t.connectingTitle,
                  )
                : statusMessage(t, state)))
        }
      />
      {minimised && inCall && (
        <div ref={bubble}>
          <MinimisedBubble
            t={t}
            phase={p}
            engine={state.engine}
            agentName={state.agentName ?? ''}
            onExpand={() => setMinimised(false)}
            onEnd={() => void session.end()}
          />
        </div>
      )}
      {popped && (
        <popped.View
          t={t}
          pip={popped.pip}
          session={session}
          state={state}
          bindings={pipBindings}
          onClosed={() => {
            setPopped(null);
            setPipNote(t.broughtBack);
          }}
        />
      )}
      <div
        className="cvw-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="cvw-title"
        dir={t.dir}
        lang={config.locale}
        ref={panel}
        hidden={minimised || !!popped}
        onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), dismiss())}
      >
        <div className="cvw-panel-head">
          <h2 id="cvw-title">{t.dialogTitle}</h2>
          <IconButton
            icon={running ? Minimize2 : X}
            label={running ? t.minimise : state.settingUp ? t.cancelCall : t.close}
            showLabel={false}
            className="cvw-close"
            onClick={dismiss}
          />
        </div>
        <div className="cvw-panel-body">
          {pipNote === t.popOutFailed && <p className="cvw-banner cvw-warn">{pipNote}</p>}
          <PhaseView
            t={t}
            config={config}
            session={session}
            state={state}
            entry={entry}
            selfName={state.selfName ?? ''}
            typed={typed}
            onDigit={(d) => session.sendDigit(d)}
            onClose={onClose}
            problem={problem}
            onPopOut={running ? popOut : undefined}
          />
        </div>
      </div>
    </>
  );
}
