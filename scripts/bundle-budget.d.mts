// Types of bundle-budget.mjs (used from TypeScript by bench/widget-bench.ts and the tests).
import type { ReportedChunk } from './build/bundle-report';

export type GroupName = 'launcher' | 'callUi' | 'react' | 'chime';
export interface GroupedReport {
  entry: string;
  groups: Record<GroupName, ReportedChunk[]>;
  sizes: Record<GroupName | 'total', number>;
  launcherHasChime: boolean;
  messagingClient: string[];
}
export type Budgets = Partial<Record<GroupName | 'total', number>>;

export const BUDGETS_KB: { launcher: number; callUi: number; total: number };
export function groupReport(report: { chunks: ReportedChunk[] }): GroupedReport;
export function budgetViolations(grouped: GroupedReport, budgets?: Budgets): string[];
export function describeReport(title: string, grouped: GroupedReport, budgets?: Budgets): string[];
export function readReport(path: string): GroupedReport;
