/**
 * A clock for call timers: the current time, re-rendered each time a whole second has passed since
 * `origin` (the moment the timer counts from), while `active`.
 *
 * Ticks are aligned to the timer's own seconds, not to when the component mounted: an interval
 * started at mount can fall up to a second after the shown value changes, so a timer read at any
 * moment could lag the real call time by almost two seconds on a busy page. Aligned, the text
 * changes as the second changes, and lags only by the browser's timer delay.
 */
import { useEffect, useState } from 'react';

/** The time, ticking on whole seconds since `origin` while `active`. */
export function useNow(origin = 0, active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    let id: ReturnType<typeof setTimeout>;
    const schedule = () => {
      const t = Date.now();
      setNow(t);
      // The next whole second after `origin`; +1 ms so the tick lands past the boundary, not on it.
      id = setTimeout(schedule, 1000 - ((((t - origin) % 1000) + 1000) % 1000) + 1);
    };
    schedule();
    return () => clearTimeout(id);
  }, [origin, active]);
  return now;
}
