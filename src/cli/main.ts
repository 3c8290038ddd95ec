/**
 * The CLI's process entry (loaded by bin/connect-video-call.mjs): the only CLI file that touches
 * process.argv, process.env and the exit code (quiet-warnings.ts, loaded first, handles process
 * warnings).
 */
import './quiet-warnings';
import { runCli } from './run-cli';

const env = process.env;
const code = await runCli({
  argv: process.argv.slice(2),
  env: {
    AWS_ENDPOINT_URL_CONNECT: env.AWS_ENDPOINT_URL_CONNECT,
    AWS_ENDPOINT_URL: env.AWS_ENDPOINT_URL,
    AWS_REGION: env.AWS_REGION,
    AWS_DEFAULT_REGION: env.AWS_DEFAULT_REGION,
    AWS_PROFILE: env.AWS_PROFILE,
    AWS_ACCESS_KEY_ID: env.AWS_ACCESS_KEY_ID,
    AWS_CA_BUNDLE: env.AWS_CA_BUNDLE,
    AWS_DEFAULT_OUTPUT: env.AWS_DEFAULT_OUTPUT,
    CONNECT_MODE: env.CONNECT_MODE,
    CONNECT_VIDEO_CALL_URL: env.CONNECT_VIDEO_CALL_URL,
    LOCAL_CONFIG_DIR: env.LOCAL_CONFIG_DIR,
  },
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: process.stdout.isTTY === true,
  terminalWidth: process.stdout.columns || 80,
});
process.exitCode = code;
