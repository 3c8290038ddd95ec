/**
 * The whole CLI as a function of argv, environment and output streams, returning the exit code,
 * so tests run it in-process exactly as the bin does. `main.ts` wires it to the real process.
 */
import { parseArgv } from './argv-parser';
import { describeFailure, EXIT } from './cli-errors';
import type { CliEnv } from './connect-target';
import { manualText } from './manual';
import { startWebRtcContact, OPERATION } from './start-web-rtc-contact';
import { testFlows } from './test-flows';
import { versionText } from './version';

/** Everything the CLI reads and writes, passed in so tests run it without a process. */
export interface CliIo {
  argv: readonly string[];
  env: CliEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (`--color auto`). */
  isTty?: boolean;
  /** Terminal width for `--output table` (the AWS CLI assumes 80 when unknown). */
  terminalWidth?: number;
}

/** Runs one command line and resolves to its exit code; never throws. */
export async function runCli(io: CliIo): Promise<number> {
  try {
    if (io.argv[0] === 'test-flows')
      return await testFlows({
        args: io.argv.slice(1),
        configDir: io.env.LOCAL_CONFIG_DIR,
        stdout: io.stdout,
      });
    const args = parseArgv(io.argv);
    if (args.help) {
      io.stdout(manualText());
      return EXIT.ok;
    }
    if (args.version) {
      io.stdout(versionText() + '\n');
      return EXIT.ok;
    }
    await startWebRtcContact(args, {
      env: io.env,
      stdout: io.stdout,
      stderr: io.stderr,
      isTty: io.isTty ?? false,
      terminalWidth: io.terminalWidth ?? 80,
    });
    return EXIT.ok;
  } catch (err) {
    const { text, code } = describeFailure(err, OPERATION);
    io.stderr(text);
    return code;
  }
}
