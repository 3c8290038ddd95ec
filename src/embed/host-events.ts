/**
 * DOM events the host page receives from <connect-video-call> (bubbling, composed):
 * `cvc-state` {state}, `cvc-ended` {contactId, durationSeconds, endedBy}, `cvc-error` {name, message}.
 */
import type { EndedBy, HostEvent, SessionPhase } from '../widget/call-session-types';

export interface ConnectVideoCallEventMap {
  'cvc-state': CustomEvent<{ state: SessionPhase['phase'] }>;
  'cvc-ended': CustomEvent<{ contactId: string; durationSeconds: number; endedBy: EndedBy }>;
  'cvc-error': CustomEvent<{ name: string; message: string }>;
}

/** Dispatches one host event on the element. */
export function dispatchHostEvent(target: HTMLElement, event: HostEvent): void {
  const { type, ...detail } = event;
  target.dispatchEvent(new CustomEvent(`cvc-${type}`, { detail, bubbles: true, composed: true }));
}
