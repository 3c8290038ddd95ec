/**
 * The media-effect settings next to the device pickers: noise suppression (a switch) and the
 * background behind the customer (none, two blurs, images), each with its state said in words
 * (loading, not available, failed) in a live region, so the wait for the model is visible and
 * heard.
 */
import { useId } from 'react';
import type { BackgroundEffect, EffectState } from '../../call-engine/call-types';
import type { Strings } from '../strings/strings';

/** The built-in background images (drawn by the engine, no download). */
export const BUILT_IN_BACKGROUNDS = ['builtin:calm', 'builtin:warm'] as const;

/** A background effect as a `<select>` value, and back. */
export function backgroundValue(b: BackgroundEffect, siteImage?: string): string {
  if (b.kind === 'blur') return `blur-${b.strength}`;
  if (b.kind === 'image') return b.src === siteImage ? 'site' : b.src;
  return 'none';
}
/** The background effect a picker value stands for. */
export function backgroundOf(value: string, siteImage?: string): BackgroundEffect {
  if (value === 'blur-light' || value === 'blur-strong')
    return { kind: 'blur', strength: value === 'blur-light' ? 'light' : 'strong' };
  if (value === 'site' && siteImage) return { kind: 'image', src: siteImage };
  if ((BUILT_IN_BACKGROUNDS as readonly string[]).includes(value))
    return { kind: 'image', src: value };
  return { kind: 'none' };
}

/** The words for an effect's state (empty while plainly on or off). */
export function effectStateText(t: Strings, state: EffectState): string {
  if (state === 'loading') return t.effectLoading;
  if (state === 'unavailable') return t.effectUnavailable;
  if (state === 'failed') return t.effectFailed;
  return '';
}

/** The effects' states and their handlers. */
export interface EffectSettingsProps {
  t: Strings;
  noiseSuppression: { on: boolean; state: EffectState };
  onNoiseSuppression: (on: boolean) => void;
  /** Absent when the customer sends no video (no background choice then). */
  background?: { effect: BackgroundEffect; state: EffectState };
  onBackground?: (effect: BackgroundEffect) => void;
  /** The site's own background image (entry point or attribute), if any. */
  siteImage?: string;
}

/** Noise suppression and the background effect, with each one's state. */
export function EffectSettings(p: EffectSettingsProps) {
  const noiseId = useId();
  const bgId = useId();
  const { t } = p;
  const noiseText = effectStateText(t, p.noiseSuppression.state);
  const bgText = p.background ? effectStateText(t, p.background.state) : '';
  return (
    <div className="cvw-effects">
      <div className="cvw-switch">
        <input
          id={noiseId}
          type="checkbox"
          checked={p.noiseSuppression.on && p.noiseSuppression.state !== 'unavailable'}
          disabled={p.noiseSuppression.state === 'unavailable'}
          onChange={(e) => p.onNoiseSuppression(e.target.checked)}
          data-testid="noise-suppression"
        />
        <label htmlFor={noiseId}>{t.noiseSuppression}</label>
        <span className="cvw-effect-state" role="status" data-testid="noise-suppression-state">
          {noiseText}
        </span>
      </div>
      {p.background && p.onBackground && (
        <div className="cvw-field">
          <label htmlFor={bgId}>{t.background}</label>
          <select
            id={bgId}
            value={backgroundValue(p.background.effect, p.siteImage)}
            onChange={(e) => p.onBackground?.(backgroundOf(e.target.value, p.siteImage))}
            data-testid="background"
          >
            <option value="none">{t.backgroundNone}</option>
            <option value="blur-light">{t.backgroundBlurLight}</option>
            <option value="blur-strong">{t.backgroundBlurStrong}</option>
            <option value="builtin:calm">{t.backgroundCalm}</option>
            <option value="builtin:warm">{t.backgroundWarm}</option>
            {p.siteImage && <option value="site">{t.backgroundSite}</option>}
          </select>
          <span className="cvw-effect-state" role="status" data-testid="background-state">
            {bgText}
          </span>
        </div>
      )}
    </div>
  );
}
