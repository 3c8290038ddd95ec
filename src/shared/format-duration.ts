/**
 * Call and waiting times as people read them on a clock, for the widget and the agent desk alike.
 */

/**
 * `m:ss`, or `h:mm:ss` from an hour on (negative and fractional seconds count as whole seconds from
 * 0).
 */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
