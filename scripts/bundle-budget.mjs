// The widget's download budgets (issue 10, "Weight"), from the build's
// dist/.vite/*bundle-report.json (written by scripts/build/bundle-report.ts). Everything reachable
// from the launcher entry is what a customer downloads before a call is joined: the call UI and the
// Chime SDK are prefetched when idle. Groups, by the modules each chunk holds: launcher (the entry
// and its static imports), React, Chime SDK (chunks holding amazon-chime-sdk-js), call UI (every
// other reachable chunk).
import { readFileSync } from 'node:fs';

/** KB are 1024 bytes of gzip (level 9). */
export const BUDGETS_KB = { launcher: 15, callUi: 40, total: 330 };

/**
 * Files reachable from `roots`, following static imports, and dynamic ones too when asked; chunks
 * for which `stop` holds (media-effect runtimes, loaded only when an effect is used) are not
 * entered.
 */
function closure(byFile, roots, dynamic, stop = () => false) {
  const seen = new Set();
  const visit = (file) => {
    const chunk = byFile.get(file);
    if (!chunk || seen.has(file) || stop(chunk)) return;
    seen.add(file);
    for (const f of chunk.imports) visit(f);
    if (dynamic) for (const f of chunk.dynamicImports) visit(f);
  };
  roots.forEach(visit);
  return seen;
}

/** Groups a report's chunks and sums their gzip sizes (bytes). */
export function groupReport(report) {
  const byFile = new Map(report.chunks.map((c) => [c.file, c]));
  const entries = report.chunks.filter((c) => c.isEntry).map((c) => c.file);
  if (entries.length !== 1)
    throw new Error(`expected one entry chunk in the bundle report, found ${entries.length}`);
  const launcher = closure(byFile, entries, false);
  const reachable = closure(byFile, entries, true, (c) => c.effects);
  const effects = [...closure(byFile, entries, true)].filter((f) => !reachable.has(f));
  const groups = { launcher: [], react: [], chime: [], callUi: [] };
  for (const file of reachable) {
    const c = byFile.get(file);
    const group = launcher.has(file)
      ? 'launcher'
      : c.chime
        ? 'chime'
        : c.react
          ? 'react'
          : 'callUi';
    groups[group].push(c);
  }
  const sum = (list) => list.reduce((n, c) => n + c.gzip, 0);
  return {
    entry: entries[0],
    groups,
    sizes: {
      launcher: sum(groups.launcher),
      react: sum(groups.react),
      chime: sum(groups.chime),
      callUi: sum(groups.callUi),
      total: sum([...reachable].map((f) => byFile.get(f))),
    },
    /**
     * Chunks and files loaded only when a media effect is used or the call pops out
     * (picture-in-picture): not part of the pre-join download.
     */
    effects: {
      chunks: effects.map((f) => byFile.get(f)),
      assets: report.assets ?? [],
    },
    launcherHasChime: groups.launcher.some((c) => c.chime),
    messagingClient: [...reachable].filter((f) => byFile.get(f).messagingClient),
  };
}

/** Budget violations of a grouped report, as sentences (empty when within budget). */
export function budgetViolations(grouped, budgets = BUDGETS_KB) {
  const out = [];
  for (const [key, limit] of Object.entries(budgets)) {
    const kb = grouped.sizes[key] / 1024;
    if (kb > limit) out.push(`${key} is ${kb.toFixed(1)} KB gzip, over its budget of ${limit} KB`);
  }
  if (grouped.launcherHasChime)
    out.push('the launcher entry (or a chunk it imports statically) holds Chime SDK code');
  if (grouped.messagingClient.length > 0)
    out.push(`the Chime SDK messaging client is bundled (${grouped.messagingClient.join(', ')})`);
  return out;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Human-readable lines: each group with its chunks, then the total. */
export function describeReport(title, grouped, budgets = BUDGETS_KB) {
  const labels = {
    launcher: 'launcher (entry + static imports)',
    callUi: 'call UI (without React)',
    react: 'UI runtime (React + ReactDOM, or Preact in the script-tag widget)',
    chime: 'Chime SDK + call engine',
  };
  const lines = [`${title}:`];
  for (const [key, label] of Object.entries(labels)) {
    const list = grouped.groups[key];
    if (list.length === 0) continue;
    const budget = budgets[key] ? ` (budget ${budgets[key]} KB)` : '';
    lines.push(`  ${label}: ${kb(grouped.sizes[key])} gzip${budget}`);
    for (const c of list) lines.push(`    ${c.file}: ${kb(c.gzip)} gzip, ${kb(c.bytes)} minified`);
  }
  lines.push(
    `  total before a call is joined: ${kb(grouped.sizes.total)} gzip (budget ${budgets.total} KB)`,
  );
  const { chunks: fxChunks, assets } = grouped.effects;
  if (fxChunks.length + assets.length > 0) {
    lines.push(
      '  loaded only when a media effect is used or the call pops out (not before a call is joined):',
    );
    for (const c of fxChunks)
      lines.push(`    ${c.file}: ${kb(c.gzip)} gzip, ${kb(c.bytes)} minified`);
    for (const a of assets) lines.push(`    ${a.file}: ${kb(a.gzip)} gzip, ${kb(a.bytes)} raw`);
  }
  lines.push(
    `  Chime SDK code in the launcher: ${grouped.launcherHasChime ? 'YES' : 'no'}; messaging client bundled: ${grouped.messagingClient.length ? 'YES' : 'no'}`,
  );
  return lines;
}

/** Reads one report file and groups it. */
export function readReport(path) {
  return groupReport(JSON.parse(readFileSync(path, 'utf8')));
}
