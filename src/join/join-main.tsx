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

// The Chime SDK reads the Node-style `global` (e.g. its CSP monitor); browsers only have
// globalThis.
(globalThis as { global?: unknown }).global ??= globalThis;

/**
 * The link's fragment, taken out of the address bar once read (it carries a join token: it should
 * not linger in the history, a bookmark or a shared screen); kept for this tab only, so a reload
 * still joins.
 */
function takeFragment(): string {
  const KEY = 'cvc-join';
  const hash = window.location.hash;
  if (hash.length > 1) {
    try {
      sessionStorage.setItem(KEY, hash);
    } catch {
      return hash; // storage refused: leave the link as it is so a reload still works
    }
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return hash;
  }
  try {
    return sessionStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

const fragment = takeFragment();

function JoinPage() {
  let payload: JoinPayload;
  try {
    payload = decodeJoinPayload(fragment);
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
