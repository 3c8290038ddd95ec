/**
 * Physical number keys answer the flow: 0-9, * and # typed while focus is anywhere in the widget
 * (except in a text field or picker) are sent as DTMF.
 */
import { useEffect, type RefObject } from 'react';

const DIGIT = /^[0-9*#]$/;

/** Sends digits typed on the keyboard while focus is inside `ref`. */
export function useDigitKeys(ref: RefObject<HTMLElement | null>, onDigit: (digit: string) => void) {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onKey = (e: KeyboardEvent) => {
      if (!DIGIT.test(e.key) || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.composedPath()[0];
      if (
        target instanceof HTMLInputElement ||
        target instanceof HTMLSelectElement ||
        target instanceof HTMLTextAreaElement
      )
        return;
      e.preventDefault();
      onDigit(e.key);
    };
    el.addEventListener('keydown', onKey);
    return () => el.removeEventListener('keydown', onKey);
  }, [ref, onDigit]);
}
