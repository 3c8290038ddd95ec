/**
 * The running call of this tab, kept in `sessionStorage` so the widget on the next page of the same
 * tab (a reload, another page of the site) rejoins it as the same attendee. sessionStorage is this
 * tab's only; it is never put in a URL and never logged.
 *
 * A duplicated tab gets a copy of sessionStorage, so the record also says whether a page holds the
 * call: `held` while a page runs it, `released` once that page is hidden (`pagehide`, written
 * synchronously before the next page of the tab starts). A page finding a held record is a copy
 * (the original tab still runs the call): it refuses it and forgets its copy.
 */
import type { StartCallResponse } from '../shared/call-api';

const KEY = 'connect-video-call:call';

/**
 * What rejoining needs: the contact, the attendee's credentials, the call token and the customer's
 * choices.
 */
export interface SavedCall {
  v: 1;
  backendUrl: string;
  entryPoint: string;
  call: StartCallResponse;
  startedAt: number;
  /** When the agent connected (null while in the flow or queue). */
  connectedAt: number | null;
  agentName: string;
  selfName: string;
  video: boolean;
  muted: boolean;
  camera: string | null;
  microphone: string | null;
  speaker: string | null;
  held: boolean;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * This tab's sessionStorage, or null where it is unavailable (blocked storage, sandboxed frames).
 */
function tabStorage(): Store | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

function read(store: Store | null): SavedCall | null {
  try {
    const raw = store?.getItem(KEY);
    if (!raw) return null;
    const saved = JSON.parse(raw) as SavedCall;
    return saved && saved.v === 1 && typeof saved.call?.contactId === 'string' ? saved : null;
  } catch {
    return null;
  }
}

function write(store: Store | null, saved: SavedCall): void {
  try {
    store?.setItem(KEY, JSON.stringify(saved));
  } catch {
    // Storage full or blocked: this call simply cannot be rejoined after a reload.
  }
}

/**
 * True when this tab holds a released call for this widget (the launcher then opens by itself).
 * Called as the page starts, before any call of this page exists: a record still held then is a
 * duplicated tab's copy (the original tab runs that call), and is forgotten here.
 */
export function hasCallToRejoin(
  backendUrl: string,
  entryPoint: string,
  store = tabStorage(),
): boolean {
  const saved = read(store);
  if (saved?.held) forgetSavedCall(store);
  return (
    saved !== null &&
    !saved.held &&
    saved.backendUrl === backendUrl &&
    saved.entryPoint === entryPoint
  );
}

/**
 * Takes this tab's released call for this widget (marking it held), or null. A held record is a
 * duplicated tab's copy: it is forgotten here and null is returned.
 */
export function claimSavedCall(
  backendUrl: string,
  entryPoint: string,
  store = tabStorage(),
): SavedCall | null {
  const saved = read(store);
  if (!saved || saved.backendUrl !== backendUrl || saved.entryPoint !== entryPoint) return null;
  if (saved.held) {
    store?.removeItem(KEY);
    return null;
  }
  const claimed = { ...saved, held: true };
  write(store, claimed);
  return claimed;
}

/** Records (or updates) the call this page holds. */
export function saveCall(saved: Omit<SavedCall, 'v' | 'held'>, store = tabStorage()): void {
  write(store, { ...saved, v: 1, held: true });
}

/** The page holding the call is going (`pagehide`): the next page of this tab may take it. */
export function releaseSavedCall(store = tabStorage()): void {
  const saved = read(store);
  if (saved) write(store, { ...saved, held: false });
}

/** The call is over (ended, failed, cancelled, or refused on rejoin): nothing to rejoin. */
export function forgetSavedCall(store = tabStorage()): void {
  try {
    store?.removeItem(KEY);
  } catch {
    // Blocked storage holds nothing to forget.
  }
}
