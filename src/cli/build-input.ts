/**
 * Assembles the StartWebRTCContact input from `--cli-input-json` and the command-line options
 * (command-line values win), then checks what must be there. InstanceId and ContactFlowId may be
 * left out only for a local stack, which fills them in later.
 */
import { ParamError, UsageError } from './cli-errors';
import { INPUT, optionName } from './input-model';
import { parseJsonParam, parseParamValue, readParamFile } from './param-values';
import { validateParams } from './validate-params';

/** Parses every given value into one input object (no validation yet). */
export function buildInput(
  cliInputJson: string | undefined,
  params: ReadonlyMap<string, string>,
): Record<string, unknown> {
  let input: Record<string, unknown> = {};
  if (cliInputJson !== undefined) {
    const parsed = parseJsonParam(
      '--cli-input-json',
      readParamFile('--cli-input-json', cliInputJson),
    );
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new ParamError(
        "Error parsing parameter '--cli-input-json': the JSON must be an object, as --generate-cli-skeleton prints",
      );
    }
    input = { ...(parsed as Record<string, unknown>) };
  }
  for (const [member, raw] of params) {
    const shape = INPUT.members[member];
    if (shape) input[member] = parseParamValue(optionName(member), shape, raw);
  }
  return input;
}

/** Throws the argparse-style "required" error for missing required options. */
export function requireMembers(input: Record<string, unknown>, members: readonly string[]): void {
  const missing = members.filter((m) => input[m] === undefined).map(optionName);
  if (missing.length > 0)
    throw new UsageError(`the following arguments are required: ${missing.join(', ')}`);
}

/** Full check before sending: required options for the target, then types, members and lengths. */
export function checkInput(input: Record<string, unknown>, localDefaultsAvailable: boolean): void {
  requireMembers(
    input,
    localDefaultsAvailable
      ? ['ParticipantDetails']
      : ['InstanceId', 'ContactFlowId', 'ParticipantDetails'],
  );
  const withPlaceholders = {
    InstanceId: 'local-default',
    ContactFlowId: 'local-default',
    ...input,
  };
  validateParams(INPUT, withPlaceholders);
}
