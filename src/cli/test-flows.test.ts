import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './testing/cli-test-kit';

const TESTS_DIR = join(import.meta.dirname, '../../config/local/tests');
const scratch = mkdtempSync(join(tmpdir(), 'cvc-test-flows-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('connect-video-call test-flows', () => {
  it('runs the shipped test cases against the local flows, reports each and exits 0', async () => {
    const junit = join(scratch, 'flows.xml');
    const r = await run(['test-flows', '--junit', junit]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /✓ Early digit: 2 pressed during the greeting reaches Support \(early-digit\.json, \d+ ms\)/,
    );
    expect(r.stdout).toContain('6 passed, 0 failed');
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testsuite name="connect-video-call test-flows" tests="6" failures="0"/);
    expect(xml.match(/<testcase /g)).toHaveLength(6);
  });

  it('exits 1 and says why when a test case fails, with a JUnit failure', async () => {
    const dir = join(scratch, 'failing');
    cpSync(join(TESTS_DIR, 'support.json'), join(dir, 'support.json'), { recursive: true });
    const wrong = JSON.parse(readFileSync(join(TESTS_DIR, 'sales.json'), 'utf8'));
    wrong.Name = 'Sales, asserted wrongly';
    wrong.Content.Observations[3].Actions[0].Parameters.Operand = 'support';
    writeFileSync(join(dir, 'wrong.json'), JSON.stringify(wrong));
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    const junit = join(scratch, 'failing.xml');
    const r = await run(['test-flows', dir, '--junit', junit]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ Sales, asserted wrongly (wrong.json');
    expect(r.stdout).toContain(
      'transfer: Assert department: $.Attributes.department is "sales", not Equals support',
    );
    expect(r.stdout).toMatch(/✗ broken\.json \(broken\.json, 0 ms\)\n {4}\(test case\): .*JSON/);
    expect(r.stdout).toContain('1 passed, 2 failed');
    expect(readFileSync(junit, 'utf8')).toMatch(/<failure message="transfer: Assert department/);
  });

  it('is a usage error without test cases or with an unknown option', async () => {
    const empty = mkdtempSync(join(scratch, 'empty-'));
    expect((await run(['test-flows', empty])).code).toBe(252);
    const r = await run(['test-flows', '--fast']);
    expect(r.code).toBe(252);
    expect(r.stderr).toContain('unrecognized argument --fast');
  });
});
