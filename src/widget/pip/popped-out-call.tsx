/**
 * The lazily loaded picture-in-picture module (imported when Pop out is pressed, so the call UI
 * chunk does not carry it): while the call is popped out, the page shows a small "in
 * picture-in-picture" card with Bring back, and the call view renders into the window through a
 * portal of the same tree. Closing the window (its ×, Bring back, or the call ending) puts the call
 * back in the page.
 */
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { PictureInPicture2 } from 'lucide-react';
import { IconButton } from '../ui/icon-button';
import type { CallSession, SessionState } from '../call-session-types';
import type { Strings } from '../strings/strings';
import { openPipWindow, type PipWindow } from './open-pip-window';
import type { DocumentPip } from './pip-support';
import { PipView, type EngineBindings } from './pip-view';
import pipCss from './pip.css?inline';

/** A popped-out call: its window and what the widget renders meanwhile. */
export interface PoppedOut {
  pip: PipWindow;
  View: typeof PoppedOutCall;
}

/**
 * Opens the window for the running call of `session` (from the Pop out press); null, with the
 * window closed again, when the call ended or `signal` aborted (the widget went away) while it
 * opened.
 */
export async function popOut(
  api: DocumentPip,
  from: Element,
  t: Strings,
  session: CallSession,
  signal: AbortSignal,
): Promise<PoppedOut | null> {
  signal.throwIfAborted();
  const pip = await openPipWindow(api, from, t.dialogTitle);
  if (!signal.aborted && session.getState().phase.phase === 'in-call')
    return { pip, View: PoppedOutCall };
  pip.win.close();
  return null;
}

/** The open picture-in-picture window and the call it shows. */
export interface PoppedOutCallProps {
  t: Strings;
  pip: PipWindow;
  session: CallSession;
  state: SessionState;
  bindings: EngineBindings;
  /** The window closed (or Bring back was pressed): the call goes back into the page. */
  onClosed: () => void;
}

/**
 * Renders the call into the picture-in-picture window (a portal) and the in-page card with Bring
 * back.
 */
export function PoppedOutCall({ t, pip, session, state, bindings, onClosed }: PoppedOutCallProps) {
  const card = useRef<HTMLDivElement>(null);
  // The window's listener outlives renders: it calls the latest `onClosed`.
  const closed = useRef(onClosed);
  useEffect(() => {
    closed.current = onClosed;
  });
  useEffect(() => {
    const { win } = pip;
    const onHide = () => closed.current();
    win.addEventListener('pagehide', onHide);
    // The window's own focus starts on Mute; keyboard users in the page land on Bring back.
    pip.root.querySelector<HTMLElement>('.cvw-pip-bar button')?.focus();
    card.current?.querySelector('button')?.focus();
    return () => {
      win.removeEventListener('pagehide', onHide);
      win.close();
    };
  }, [pip]);
  const p = state.phase;
  if (p.phase !== 'in-call' || !state.engine) return null;
  return (
    <>
      <div
        ref={card}
        className="cvw-bubble cvw-popped"
        role="region"
        aria-label={t.poppedOut}
        data-testid="call-popped-out"
      >
        <style>{pipCss}</style>
        <PictureInPicture2 size={24} aria-hidden="true" />
        <p>{t.poppedOut}</p>
        <IconButton
          icon={PictureInPicture2}
          label={t.bringBack}
          tone="primary"
          onClick={() => closed.current()}
        />
      </div>
      {createPortal(
        <PipView
          t={t}
          engine={state.engine}
          bindings={bindings}
          agentName={state.agentName || t.agent}
          connectedAt={p.connectedAt}
          onEnd={() => void session.end()}
        />,
        pip.root,
      )}
    </>
  );
}
