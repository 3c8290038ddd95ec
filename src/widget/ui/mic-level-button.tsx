/**
 * The pre-call microphone toggle with the level meter built in: a native <meter> (exposed to
 * assistive tech, fed by `level()` each frame) drawn as a bar inside the round button's frame.
 */
import { useEffect, useState } from 'react';
import { Mic, MicOff } from 'lucide-react';
import type { Strings } from '../strings/strings';
import { IconButton } from './icon-button';

/** The mute state, the microphone level and the toggle. */
export interface MicLevelButtonProps {
  t: Strings;
  muted: boolean;
  level: (() => number) | null;
  onToggle: () => void;
}

/** Mute / Unmute, showing the microphone's level while it is on. */
export function MicLevelButton({ t, muted, level, onToggle }: MicLevelButtonProps) {
  const [value, setValue] = useState(0);
  useEffect(() => {
    if (!level) return;
    let raf = 0;
    let last = 0;
    const tick = (time: number) => {
      if (time - last > 100) {
        last = time;
        setValue(Math.round(level() * 100) / 100);
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [level]);
  return (
    <div className="cvw-mic-level">
      <IconButton
        icon={muted ? MicOff : Mic}
        label={muted ? t.unmute : t.mute}
        off={muted}
        onClick={onToggle}
        showLabel={false}
      />
      <meter
        min={0}
        max={1}
        low={0.1}
        high={0.8}
        optimum={0.5}
        value={muted ? 0 : value}
        aria-label={t.micLevel}
        data-testid="mic-level"
      />
    </div>
  );
}
