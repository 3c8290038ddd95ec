/**
 * JUnit XML for CI systems: one testsuite of the run, one testcase per flow test case, a failure
 * element listing the observations that failed.
 */
import type { TestCaseResult } from './execute-test-case';

/** A test case's result with the name and file it is reported under. */
export interface NamedResult {
  name: string;
  file: string;
  result: TestCaseResult;
}

const escapeXml = (text: string): string =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

/** The failed observations of a result, one line each. */
export function failureLines(result: TestCaseResult): string[] {
  return result.Observations.filter((o) => o.Status === 'FAILED').map((o) => {
    const why = [
      o.Record.Detail,
      ...o.Record.Actions.filter((a) => a.Status === 'FAILED').map(
        (a) => `${a.Type} ${a.Identifier}: ${a.Detail ?? 'failed'}`,
      ),
    ].filter(Boolean);
    return `${o.ObservationId}: ${why.join('; ') || 'failed'}`;
  });
}

/** The JUnit XML of a run: one testsuite, a testcase per test case, a failure per failed one. */
export function junitReport(suite: string, results: NamedResult[]): string {
  const failures = results.filter((r) => r.result.Status === 'FAILED').length;
  const seconds = (r: TestCaseResult) => ((r.EndTime - r.StartTime) / 1000).toFixed(3);
  const total = results.reduce((sum, r) => sum + (r.result.EndTime - r.result.StartTime), 0) / 1000;
  const cases = results.map((r) => {
    const open = `  <testcase classname="${escapeXml(r.file)}" name="${escapeXml(r.name)}" time="${seconds(r.result)}"`;
    if (r.result.Status === 'PASSED') return `${open}/>`;
    const lines = failureLines(r.result);
    return `${open}>\n    <failure message="${escapeXml(lines[0] ?? 'failed')}">${escapeXml(lines.join('\n'))}</failure>\n  </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuite name="${escapeXml(suite)}" tests="${results.length}" failures="${failures}" errors="0" time="${total.toFixed(3)}">`,
    ...cases,
    '</testsuite>',
    '',
  ].join('\n');
}
