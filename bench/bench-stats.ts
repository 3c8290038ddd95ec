/**
 * Small statistics helpers shared by the benchmarks: percentiles and one printable summary line.
 */

/** The p-th percentile (0–100) of a list of numbers, nearest-rank method. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** "label: N ops in S s = X/s, p50 a ms, p99 b ms" for latencies in milliseconds. */
export function summarize(label: string, latenciesMs: number[], seconds: number): string {
  const rate = latenciesMs.length / seconds;
  return `${label}: ${latenciesMs.length} in ${seconds.toFixed(2)} s = ${rate.toFixed(1)}/s, p50 ${percentile(latenciesMs, 50).toFixed(1)} ms, p99 ${percentile(latenciesMs, 99).toFixed(1)} ms`;
}

/** Median of a list (for figures measured a few times). */
export function median(values: number[]): number {
  return percentile(values, 50);
}

/** "label: median a ms, min b ms, max c ms (n=N)" for a handful of measured rounds. */
export function medianLine(label: string, valuesMs: number[]): string {
  if (valuesMs.length === 0) return `${label}: no sample`;
  return `${label}: median ${median(valuesMs).toFixed(0)} ms, min ${Math.min(...valuesMs).toFixed(0)} ms, max ${Math.max(...valuesMs).toFixed(0)} ms (n=${valuesMs.length})`;
}
