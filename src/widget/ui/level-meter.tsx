/** Microphone level meter: a native <meter> (exposed to assistive tech) fed by `level()` each frame. */
import { useEffect, useState } from 'react';

export function LevelMeter({ label, level }: { label: string; level: (() => number) | null }) {
  const [value, setValue] = useState(0);
  useEffect(() => {
    if (!level) return;
    let raf = 0;
    let last = 0;
    const tick = (t: number) => {
      if (t - last > 100) {
        last = t;
        setValue(Math.round(level() * 100) / 100);
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [level]);
  return (
    <label className="cvw-meter">
      <span>{label}</span>
      <meter min={0} max={1} low={0.1} high={0.8} optimum={0.5} value={value} aria-label={label} data-testid="mic-level" />
    </label>
  );
}
