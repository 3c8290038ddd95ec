// Types of bundle-budget.mjs (used from TypeScript by bench/widget-bench.ts and the tests).
import type { ReportedAsset, ReportedChunk } from './build/bundle-report';

export type GroupName = 'launcher' | 'callUi' | 'react' | 'chime';
export interface GroupedReport {
  entry: string;
  groups: Record<GroupName, ReportedChunk[]>;
  sizes: Record<GroupName | 'total', number>;
  /** Loaded only when a media effect is used (not part of the pre-join download). */
  effects: { chunks: ReportedChunk[]; assets: ReportedAsset[] };
  launcherHasChime: boolean;
  messagingClient: string[];
}
export type Budgets = Partial<Record<GroupName | 'total', number>>;

export const BUDGETS_KB: { launcher: number; callUi: number; total: number };
export function groupReport(report: {
  chunks: ReportedChunk[];
  assets?: ReportedAsset[];
}): GroupedReport;
export function budgetViolations(grouped: GroupedReport, budgets?: Budgets): string[];
export function describeReport(title: string, grouped: GroupedReport, budgets?: Budgets): string[];
export function readReport(path: string): GroupedReport;
