/**
 * The join page's one status line, derived from the call engine's snapshot: what the customer is
 * waiting for, or why the call stopped.
 */
import { remoteAttendees } from '../call-engine/call-selectors';
import type { CallSnapshot } from '../call-engine/call-types';
import type { JoinStrings } from './join-strings';

/** The status sentence for a snapshot (announced through the page's live region). */
export function statusText(snap: CallSnapshot, t: JoinStrings): string {
  const st = snap.status;
  switch (st.kind) {
    case 'idle':
      return t.status.ready;
    case 'joining':
      return t.status.joining;
    case 'joined':
      return remoteAttendees(snap).some((a) => !a.isContent)
        ? t.status.connected
        : t.status.waiting;
    case 'reconnecting':
      return t.status.reconnecting;
    case 'left':
      return st.reason === 'left' ? t.status.left : t.status.ended;
    case 'failed':
      return t.status.failed(st.message);
  }
}
