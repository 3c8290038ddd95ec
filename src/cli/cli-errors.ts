/**
 * The CLI's failure classes and their exit codes, matching the AWS CLI v2: 252 for bad usage or bad
 * parameter values, 253 for a bad environment or configuration, 254 for an error the service
 * returned, 255 for anything else (e.g. the endpoint cannot be reached).
 */

export const EXIT = { ok: 0, usage: 252, config: 253, service: 254, general: 255 } as const;

/** The program name used in usage lines and error prefixes. */
export const PROG = 'connect-video-call';

/** An argparse-style usage error: printed after the usage block, exit 252. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A bad parameter value (shorthand, JSON, validation, --query): printed alone, exit 252. */
export class ParamError extends Error {
  override readonly name = 'ParamError';
}

/** Configuration the CLI cannot work without (region, credentials, local defaults), exit 253. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The usage block the AWS CLI prints before an argument error. */
export function usageText(): string {
  return [
    `usage: ${PROG} [options] start-web-rtc-contact [parameters]`,
    'To see help text, you can run:',
    '',
    `  ${PROG} --help`,
    `  ${PROG} start-web-rtc-contact help`,
    '',
  ].join('\n');
}

/** Formats any thrown value for stderr and picks its exit code. Never prints request secrets. */
export function describeFailure(err: unknown, operation: string): { text: string; code: number } {
  if (err instanceof UsageError)
    return { text: `${usageText()}\n${PROG}: error: ${err.message}\n`, code: EXIT.usage };
  if (err instanceof ParamError) return { text: `\n${err.message}\n`, code: EXIT.usage };
  if (err instanceof ConfigError) return { text: `\n${err.message}\n`, code: EXIT.config };
  const e = err as {
    name?: string;
    message?: string;
    $fault?: string;
    code?: string;
    cause?: { code?: string };
  };
  const netCode = e?.code ?? e?.cause?.code;
  if (
    netCode &&
    /^(ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ECONNRESET|EAI_AGAIN|ETIMEDOUT)$/.test(netCode)
  ) {
    return {
      text: `\nCould not connect to the endpoint URL: ${e.message ?? netCode}\n`,
      code: EXIT.general,
    };
  }
  if (e?.name === 'TimeoutError')
    return { text: `\nRead timeout on endpoint URL: ${e.message ?? ''}\n`, code: EXIT.general };
  // Only errors the service answered with carry $fault ('client' or 'server').
  if (e && typeof e === 'object' && (e.$fault === 'client' || e.$fault === 'server')) {
    return {
      text: `\nAn error occurred (${e.name}) when calling the ${operation} operation: ${e.message ?? ''}\n`,
      code: EXIT.service,
    };
  }
  if (e?.message === 'Region is missing') {
    return {
      text: '\nYou must specify a region: --region, AWS_REGION or a profile that sets one.\n',
      code: EXIT.config,
    };
  }
  if (e?.name === 'CredentialsProviderError') {
    return {
      text: '\nUnable to locate credentials. Configure them in ~/.aws or the environment, or pass --profile.\n',
      code: EXIT.config,
    };
  }
  return {
    text: `\n${e?.name && e.name !== 'Error' ? `${e.name}: ` : ''}${e?.message ?? String(err)}\n`,
    code: EXIT.general,
  };
}
