/**
 * The background effect on the pre-call preview: while an effect is chosen, the preview shows the
 * processed picture; the compositor and model load when the customer first picks an effect (state
 * `loading` meanwhile), and the effect changes in place afterwards. Where the effects cannot run
 * the state is `unavailable` and the preview stays plain.
 */
import { useEffect, useRef, useState } from 'react';
import type { BackgroundEffect, EffectState } from '../../call-engine/call-types';
import type { PreviewBackground } from '../../call-engine/effects/preview-background';

/** The processed preview stream (null while plain) and the effect's state. */
export function usePreviewBackground(
  stream: MediaStream | null,
  effect: BackgroundEffect,
  supported: boolean,
): { stream: MediaStream | null; state: EffectState } {
  // What the last start produced, for which camera stream; the state is derived from it.
  const [result, setResult] = useState<{
    source: MediaStream;
    processed: MediaStream | null;
    failed: boolean;
  } | null>(null);
  const running = useRef<PreviewBackground | null>(null);
  const latest = useRef(effect);
  const active = effect.kind !== 'none' && supported;
  useEffect(() => {
    latest.current = effect;
    running.current?.setEffect(effect);
  }, [effect]);
  useEffect(() => {
    if (!stream || !active || stream.getVideoTracks().length === 0) return;
    let cancelled = false;
    let bg: PreviewBackground | null = null;
    Promise.all([
      import('../../call-engine/effects/load-compositor'),
      import('../../call-engine/effects/preview-background'),
    ])
      .then(async ([{ loadCompositor }, { startPreviewBackground }]) => {
        const compositor = await loadCompositor(latest.current);
        if (cancelled) return;
        bg = startPreviewBackground(stream, compositor);
        running.current = bg;
        setResult({ source: stream, processed: bg.stream, failed: false });
      })
      .catch((error: unknown) => {
        console.warn('<connect-video-call>: the background effect did not start', error);
        if (!cancelled) setResult({ source: stream, processed: null, failed: true });
      });
    return () => {
      cancelled = true;
      bg?.stop();
      running.current = null;
      setResult(null);
    };
  }, [stream, active]);
  const mine = active && result && result.source === stream ? result : null;
  const state: EffectState =
    effect.kind === 'none'
      ? 'off'
      : !supported
        ? 'unavailable'
        : mine?.failed
          ? 'failed'
          : mine?.processed
            ? 'on'
            : stream
              ? 'loading'
              : 'off';
  return { stream: mine?.processed ?? null, state };
}
