/**
 * DOM events the host page receives from <connect-video-call> (bubbling, composed):
 * `cvc-state` {state}, `cvc-ended` {contactId, durationSeconds, endedBy}, `cvc-error` {name,
 * message}. Types only: they are part of the published declarations (dispatch-host-event.ts sends
 * them).
 */
import type { EndedBy, SessionPhase } from '../widget/call-session-types';

/** The widget's state as `cvc-state` reports it. */
export type CallState = 'pre-call' | 'starting' | 'connecting' | 'in-call' | 'ended' | 'error';
/**
 * Who ended the call, as `cvc-ended` reports it; `away`: a page that came back to a call (reload,
 * another page) found it over, ended while the customer was away or their attendee gone (> 60 s).
 */
export type CallEndedBy = 'customer' | 'agent' | 'system' | 'connection' | 'away';

// The public types are spelled out (the published declarations must not pull in the widget's
// internal types); these type-only lines fail tsc when the widget's own types drift from them.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type _InSync = [Assert<Same<CallState, SessionPhase['phase']>>, Assert<Same<CallEndedBy, EndedBy>>];

/** The `cvc-*` events of `<connect-video-call>` and their `detail`. */
export interface ConnectVideoCallEventMap {
  'cvc-state': CustomEvent<{ state: CallState }>;
  'cvc-ended': CustomEvent<{ contactId: string; durationSeconds: number; endedBy: CallEndedBy }>;
  'cvc-error': CustomEvent<{ name: string; message: string }>;
  /** The customer rated the call on the ended screen (already stored on the contact). */
  'cvc-rating': CustomEvent<{ contactId: string; score: number; comment?: string }>;
}
