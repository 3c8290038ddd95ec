// Types of bundle-budget.mjs (used from TypeScript by bench/widget-bench.ts and the tests).
import type { ReportedAsset, ReportedChunk } from './build/bundle-report';

/** The groups a widget build's chunks are sorted into (see bundle-budget.mjs). */
export type GroupName = 'launcher' | 'callUi' | 'react' | 'chime';
/** A build report grouped by what each chunk is for, with gzip sizes in bytes. */
export interface GroupedReport {
  entry: string;
  groups: Record<GroupName, ReportedChunk[]>;
  sizes: Record<GroupName | 'total', number>;
  /** Loaded only when a media effect is used (not part of the pre-join download). */
  effects: { chunks: ReportedChunk[]; assets: ReportedAsset[] };
  launcherHasChime: boolean;
  messagingClient: string[];
}
/** Budgets in KB of gzip per group; a group left out is not checked. */
export type Budgets = Partial<Record<GroupName | 'total', number>>;

/** The budgets the build must keep, in KB of gzip (1024 bytes, level 9). */
export const BUDGETS_KB: { launcher: number; callUi: number; total: number };
/** Groups a report's chunks and sums their gzip sizes (bytes). */
export function groupReport(report: {
  chunks: ReportedChunk[];
  assets?: ReportedAsset[];
}): GroupedReport;
/** Budget violations of a grouped report, as sentences (empty when within budget). */
export function budgetViolations(grouped: GroupedReport, budgets?: Budgets): string[];
/** Human-readable lines: each group with its chunks, then the total. */
export function describeReport(title: string, grouped: GroupedReport, budgets?: Budgets): string[];
/** Reads one report file and groups it. */
export function readReport(path: string): GroupedReport;
