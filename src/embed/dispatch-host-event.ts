/** Turns the widget's host events into the element's `cvc-*` DOM events (see host-events.ts). */
import type { HostEvent } from '../widget/call-session-types';

/** Dispatches one host event on the element. */
export function dispatchHostEvent(target: HTMLElement, event: HostEvent): void {
  const { type, ...detail } = event;
  target.dispatchEvent(new CustomEvent(`cvc-${type}`, { detail, bubbles: true, composed: true }));
}
