/**
 * Entry of the join page (`/join/#<payload>`), the page the CLI's --join-url links to: reads the
 * contact's connection data from the URL fragment and joins its meeting as the customer with the
 * project's call engine (loaded lazily, so the Chime SDK arrives only when the call starts).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadCallEngine } from '../call-engine/load-call-engine';
import { JoinCall } from './join-call';
import { decodeJoinPayload, type JoinPayload } from './join-payload';
import { joinStrings as t } from './join-strings';
import './join.css';

// The Chime SDK reads the Node-style `global` (e.g. its CSP monitor); browsers only have globalThis.
(globalThis as { global?: unknown }).global ??= globalThis;

function JoinPage() {
  let payload: JoinPayload;
  try {
    payload = decodeJoinPayload(window.location.hash);
  } catch (err) {
    return (
      <section aria-labelledby="join-title">
        <h1 id="join-title">{t.badLink}</h1>
        <p role="alert">{(err as Error).message}</p>
      </section>
    );
  }
  return <JoinCall payload={payload} loadEngine={loadCallEngine} />;
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <JoinPage />
    </StrictMode>,
  );
}
