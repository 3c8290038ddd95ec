/**
 * The `start-web-rtc-contact` command: a thin layer over the official SDK's
 * StartWebRTCContactCommand. Checks every option and the input before anything is sent, prints
 * skeletons, fills local defaults, sends the request, and prints the response (plus `JoinUrl` with
 * --join-url) in the chosen format.
 */
import {
  StartWebRTCContactCommand,
  type StartWebRTCContactCommandInput,
} from '@aws-sdk/client-connect';
import { joinUrl } from '../join/join-payload';
import type { ParsedArgs } from './argv-parser';
import { ConfigError } from './cli-errors';
import { createConnectClient, resolveTarget, type CliEnv } from './connect-target';
import { attachDebugMiddleware, debugLogger, redact } from './debug-log';
import { checkQuery, formatOutput } from './format-output';
import { buildInput, checkInput } from './build-input';
import { INPUT, OUTPUT, skeleton } from './input-model';
import { fillLocalDefaults } from './local-defaults';

/** The Connect API operation behind the command, as debug lines and errors name it. */
export const OPERATION = 'StartWebRTCContact';

/** What the command may touch: environment, output streams and the terminal's traits. */
export interface CommandIo {
  env: CliEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTty: boolean;
  terminalWidth: number;
}

/** Runs the command; throws CLI errors (see cli-errors.ts) or the SDK's service errors. */
export async function startWebRtcContact(args: ParsedArgs, io: CommandIo): Promise<void> {
  const g = args.globals;
  const log = debugLogger(g.debug, io.stderr);
  checkQuery(g.query);
  const input = buildInput(args.cliInputJson, args.params);
  if (args.skeleton === 'input') {
    io.stdout(JSON.stringify(skeleton(INPUT, '', false), null, 4) + '\n');
    return;
  }
  const target = resolveTarget(g, io.env);
  log(
    `Target: ${target.kind} stack, endpoint ${target.endpoint ?? 'AWS regional endpoint'}, region ${target.region ?? '(from profile)'}, ${target.auth}`,
  );
  checkInput(input, target.kind === 'local');
  const envOutput = io.env.AWS_DEFAULT_OUTPUT;
  if (!g.output && envOutput && !['json', 'text', 'table'].includes(envOutput)) {
    throw new ConfigError(`AWS_DEFAULT_OUTPUT must be json, text or table (it is "${envOutput}")`);
  }
  const output = {
    output: g.output ?? (envOutput as 'json' | 'text' | 'table' | undefined) ?? 'json',
    query: g.query,
    color: g.color,
    isTty: io.isTty,
    terminalWidth: io.terminalWidth,
  };
  if (args.skeleton === 'output') {
    io.stdout(formatOutput(OPERATION, skeleton(OUTPUT, '', true), output));
    return;
  }
  if (target.kind === 'aws' && !target.region && !g.profile && !io.env.AWS_PROFILE) {
    throw new ConfigError(
      'You must specify a region. You can also configure your region with --region, AWS_REGION or a --profile that sets one.',
    );
  }
  const client = createConnectClient(target, g, io.env);
  attachDebugMiddleware(client, log);
  try {
    if (target.kind === 'local') await fillLocalDefaults(client, input, log);
    const response = await client.send(
      new StartWebRTCContactCommand(input as unknown as StartWebRTCContactCommandInput),
    );
    const { $metadata, ...data } = response;
    log(
      `${OPERATION} succeeded (request id ${$metadata.requestId ?? 'none'}): ${JSON.stringify(redact(data))}`,
    );
    const result: Record<string, unknown> = { ...data };
    if (g.joinUrl && data.ConnectionData && data.ContactId) {
      const details = input.ParticipantDetails as { DisplayName?: string } | undefined;
      result.JoinUrl = joinUrl(target.siteUrl, {
        v: 1,
        contactId: data.ContactId,
        displayName: details?.DisplayName,
        connectionData: data.ConnectionData as never,
        allowedCapabilities: input.AllowedCapabilities as never,
      });
    }
    io.stdout(formatOutput(OPERATION, result, output));
  } finally {
    client.destroy();
  }
}
