/**
 * Keeps the panel inside the visual viewport on phones: when the on-screen keyboard opens, iOS
 * Safari shrinks only the visual viewport (the layout viewport, and so `position: fixed; inset: 0`
 * and even 100dvh, stay full height), and the panel's footer with Join would sit under the
 * keyboard. The panel gets the visual viewport's height and top as `--cvw-vv-height` /
 * `--cvw-vv-top`, which the phone layout in widget.css uses (falling back to 100dvh where the API
 * is missing).
 */
import { useEffect, type RefObject } from 'react';

/** The part of `window.visualViewport` this reads. */
export interface VisualViewportLike {
  readonly height: number;
  readonly offsetTop: number;
  addEventListener(type: 'resize' | 'scroll', listener: () => void): void;
  removeEventListener(type: 'resize' | 'scroll', listener: () => void): void;
}

/** Follows the visual viewport (the on-screen keyboard) so the panel stays in view. */
export function useVisualViewport(
  panel: RefObject<HTMLElement | null>,
  viewport: VisualViewportLike | null | undefined = globalThis.visualViewport,
) {
  useEffect(() => {
    if (!viewport) return;
    const update = () => {
      const el = panel.current;
      if (!el) return;
      el.style.setProperty('--cvw-vv-height', `${Math.round(viewport.height)}px`);
      el.style.setProperty('--cvw-vv-top', `${Math.round(viewport.offsetTop)}px`);
    };
    update();
    viewport.addEventListener('resize', update);
    viewport.addEventListener('scroll', update);
    return () => {
      viewport.removeEventListener('resize', update);
      viewport.removeEventListener('scroll', update);
    };
  }, [panel, viewport]);
}
