/**
 * `connect-video-call test-flows [dir] [--junit FILE] [--config DIR] [--real-time]`: runs every
 * flow test case in a folder (`*.json`, each a CreateTestCase input: Name, EntryPoint,
 * InitializationData, Content in Connect's Testing language) against the local flow runner, prints
 * a report and, with --junit, writes JUnit XML. Exit 0 when every test passed, 1 when one failed,
 * 252 on bad usage.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXIT, UsageError } from './cli-errors';

/**
 * What the command reads and writes: its arguments after `test-flows`, the config folder, stdout.
 */
export interface TestFlowsIo {
  args: readonly string[];
  /** LOCAL_CONFIG_DIR, as the server reads it. */
  configDir?: string;
  stdout: (text: string) => void;
}

interface TestFlowsOptions {
  dir?: string;
  junit?: string;
  config?: string;
  realTime: boolean;
}

function parseOptions(args: readonly string[]): TestFlowsOptions {
  const options: TestFlowsOptions = { realTime: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--junit' || arg === '--config') {
      const value = args[++i];
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(`argument ${arg}: expected one argument`);
      if (arg === '--junit') options.junit = value;
      else options.config = value;
    } else if (arg === '--real-time') options.realTime = true;
    else if (arg.startsWith('-')) throw new UsageError(`test-flows: unrecognized argument ${arg}`);
    else if (options.dir === undefined) options.dir = arg;
    else throw new UsageError(`test-flows: unexpected argument ${arg} (one folder at most)`);
  }
  return options;
}

/** Runs the command; resolves to the exit code. */
export async function testFlows(io: TestFlowsIo): Promise<number> {
  const options = parseOptions(io.args);
  // The local contact center's modules load only for this command, never for the AWS CLI commands.
  const [{ loadLocalConfig }, { executeTestCase }, { testCaseRunOf }, report] = await Promise.all([
    import('../contact-center/config/load-local-config'),
    import('../contact-center/test-cases/execute-test-case'),
    import('../contact-center/test-cases/test-case-definition'),
    import('../contact-center/test-cases/junit-report'),
  ]);
  const configDir = resolve(options.config ?? io.configDir ?? 'config/local');
  const config = loadLocalConfig(configDir);
  const dir = resolve(options.dir ?? join(configDir, 'tests'));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (files.length === 0) throw new UsageError(`test-flows: no *.json test cases in ${dir}`);
  io.stdout(`Flow test cases in ${dir} against the flows of ${configDir}\n\n`);
  const results: Array<{
    name: string;
    file: string;
    result: Awaited<ReturnType<typeof executeTestCase>>;
  }> = [];
  for (const file of files) {
    let name = file;
    try {
      const input = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
      name = typeof input.Name === 'string' ? input.Name : file;
      const run = testCaseRunOf(input, config);
      const result = await executeTestCase(config, run, { timeScale: options.realTime ? 1 : 0.01 });
      results.push({ name, file, result });
    } catch (error) {
      const now = Date.now();
      results.push({
        name,
        file,
        result: {
          Status: 'FAILED',
          StartTime: now,
          EndTime: now,
          FlowEnding: 'not run',
          Observations: [
            {
              ObservationId: '(test case)',
              Status: 'FAILED',
              Timestamp: now,
              Record: { Actions: [], Detail: (error as Error).message },
            },
          ],
        },
      });
    }
    const { result } = results.at(-1)!;
    const ms = result.EndTime - result.StartTime;
    io.stdout(`${result.Status === 'PASSED' ? '✓' : '✗'} ${name} (${file}, ${ms} ms)\n`);
    for (const line of report.failureLines(result)) io.stdout(`    ${line}\n`);
  }
  const failed = results.filter((r) => r.result.Status === 'FAILED').length;
  io.stdout(`\n${results.length - failed} passed, ${failed} failed\n`);
  if (options.junit) {
    writeFileSync(options.junit, report.junitReport('connect-video-call test-flows', results));
    io.stdout(`JUnit XML: ${resolve(options.junit)}\n`);
  }
  return failed === 0 ? EXIT.ok : 1;
}
