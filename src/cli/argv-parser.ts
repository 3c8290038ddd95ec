/**
 * Reads the command line into a typed request, argparse-style like the AWS CLI: `--opt value` and
 * `--opt=value`, global options before or after the command, `help` after it. Anything it cannot
 * make sense of is a {@link UsageError} (exit 252) naming what is wrong.
 */
import { UsageError } from './cli-errors';
import { INPUT, optionName } from './input-model';

/**
 * The one Connect command the CLI speaks, named as the AWS CLI names it
 * (`aws connect start-web-rtc-contact`).
 */
export const COMMAND = 'start-web-rtc-contact';
const OUTPUTS = ['json', 'text', 'table'] as const;
const COLORS = ['on', 'off', 'auto'] as const;

/**
 * The AWS CLI's global options the CLI honours (`--endpoint-url`, `--output`, `--query`,
 * `--region`…).
 */
export interface GlobalOptions {
  endpointUrl?: string;
  output?: (typeof OUTPUTS)[number];
  query?: string;
  profile?: string;
  region?: string;
  color: (typeof COLORS)[number];
  caBundle?: string;
  readTimeoutSeconds?: number;
  connectTimeoutSeconds?: number;
  debug: boolean;
  verifySsl: boolean;
  paginate: boolean;
  signRequest: boolean;
  joinUrl: boolean;
}

/**
 * The command line, parsed: the command, help/version flags, the raw operation parameters and the
 * globals.
 */
export interface ParsedArgs {
  command?: string;
  help: boolean;
  version: boolean;
  /** Raw option text by API member name (`InstanceId` → the text after `--instance-id`). */
  params: Map<string, string>;
  cliInputJson?: string;
  skeleton?: 'input' | 'output';
  globals: GlobalOptions;
}

const MEMBER_BY_OPTION = new Map(Object.keys(INPUT.members).map((m) => [optionName(m), m]));
const FLAGS: Record<string, (g: GlobalOptions) => void> = {
  '--debug': (g) => (g.debug = true),
  '--no-verify-ssl': (g) => (g.verifySsl = false),
  '--no-paginate': (g) => (g.paginate = false),
  '--no-sign-request': (g) => (g.signRequest = false),
  '--join-url': (g) => (g.joinUrl = true),
};

function choice<T extends string>(option: string, value: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(
    `argument ${option}: Invalid choice '${value}', valid choices are: ${choices.join(' | ')}`,
  );
}

function int(option: string, value: string): number {
  if (!/^-?\d+$/.test(value))
    throw new UsageError(`argument ${option}: invalid int value: '${value}'`);
  return Number(value);
}

const VALUED: Record<string, (g: GlobalOptions, v: string, o: string) => void> = {
  '--endpoint-url': (g, v) => (g.endpointUrl = v),
  '--output': (g, v, o) => (g.output = choice(o, v, OUTPUTS)),
  '--query': (g, v) => (g.query = v),
  '--profile': (g, v) => (g.profile = v),
  '--region': (g, v) => (g.region = v),
  '--color': (g, v, o) => (g.color = choice(o, v, COLORS)),
  '--ca-bundle': (g, v) => (g.caBundle = v),
  '--cli-read-timeout': (g, v, o) => (g.readTimeoutSeconds = int(o, v)),
  '--cli-connect-timeout': (g, v, o) => (g.connectTimeoutSeconds = int(o, v)),
};

/** Parses argv (without `node` and the script path). */
export function parseArgv(argv: readonly string[]): ParsedArgs {
  const globals: GlobalOptions = {
    color: 'auto',
    debug: false,
    verifySsl: true,
    paginate: true,
    signRequest: true,
    joinUrl: false,
  };
  const out: ParsedArgs = { help: false, version: false, params: new Map(), globals };
  const unknown: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? '';
    const eq = token.startsWith('--') ? token.indexOf('=') : -1;
    const name = eq > 0 ? token.slice(0, eq) : token;
    const inline = eq > 0 ? token.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--'))
        throw new UsageError(`argument ${name}: expected one argument`);
      i++;
      return next;
    };
    const member = MEMBER_BY_OPTION.get(name);
    if (member) out.params.set(member, value());
    else if (name === '--cli-input-json') out.cliInputJson = value();
    else if (name === '--generate-cli-skeleton') {
      const next = inline ?? (argv[i + 1]?.startsWith('--') ? undefined : argv[i + 1]);
      if (inline === undefined && next !== undefined) i++;
      out.skeleton = choice(name, next ?? 'input', ['input', 'output'] as const);
    } else if (FLAGS[name] && inline === undefined) FLAGS[name](globals);
    else if (VALUED[name]) VALUED[name](globals, value(), name);
    else if (name === '--help' || name === '-h' || token === 'help') out.help = true;
    else if (name === '--version') out.version = true;
    else if (!token.startsWith('-') && out.command === undefined) out.command = token;
    else unknown.push(token);
  }
  if (out.help || out.version) return out;
  if (out.command === undefined)
    throw new UsageError('the following arguments are required: command');
  if (out.command !== COMMAND)
    throw new UsageError(`argument command: Invalid choice, valid choices are:\n\n${COMMAND}`);
  if (unknown.length > 0) throw new UsageError(`Unknown options: ${unknown.join(', ')}`);
  return out;
}
