/**
 * Keeps Tab and Shift+Tab inside the dialog while it is open (shadow DOM aware: the active element
 * is read from the dialog's own root). Hand-written rather than focus-trap + tabbable: the launcher
 * and call UI have byte budgets and the dialog needs only this one behaviour.
 */
import { useEffect, type RefObject } from 'react';

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), a[href], [tabindex="0"]';

/** The element focused inside `el`'s root (document or shadow root). */
function activeIn(el: HTMLElement): Element | null {
  const root = el.getRootNode() as Document | ShadowRoot;
  return root.activeElement;
}

/** Keeps Tab inside `ref` while `active` (the modal dialog). */
export function useFocusTrap(ref: RefObject<HTMLElement | null>, active: boolean) {
  useEffect(() => {
    const el = ref.current;
    if (!el || !active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Tab') return;
      const items = [...el.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
        (n) => n.offsetParent !== null || n === activeIn(el),
      );
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) return;
      const current = activeIn(el);
      const inside = current instanceof Node && el.contains(current);
      if (e.shiftKey && (current === first || !inside)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (current === last || !inside)) {
        e.preventDefault();
        first.focus();
      }
    };
    el.addEventListener('keydown', onKey);
    return () => el.removeEventListener('keydown', onKey);
  }, [ref, active]);
}
