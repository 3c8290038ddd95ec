/**
 * Turns one option's text into its API value the way the AWS CLI does: `file://` paths are read,
 * structures and maps given as JSON (text starting with `{` or `[`) are parsed as JSON, anything
 * else as shorthand. Errors name the option, as `Error parsing parameter '--x': ...`.
 */
import { readFileSync } from 'node:fs';
import { ParamError } from './cli-errors';
import { parseStructureMap } from './flattened-map';
import type { Shape } from './input-model';
import { parseShorthand } from './shorthand-parser';

/**
 * Reads `file://path` values (relative to the working directory); other text is returned unchanged.
 */
export function readParamFile(option: string, value: string): string {
  if (!value.startsWith('file://')) return value;
  const path = value.slice('file://'.length);
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const reason =
      (err as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'No such file or directory'
        : (err as Error).message;
    throw new ParamError(
      `Error parsing parameter '${option}': Unable to load paramfile ${value}: ${reason}`,
    );
  }
}

/** Parses JSON text for an option, with the AWS CLI's message on failure. */
export function parseJsonParam(option: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ParamError(
      `Error parsing parameter '${option}': Invalid JSON: ${(err as Error).message}\nJSON received: ${text}`,
    );
  }
}

/** The API value of `option` (e.g. `--references`) whose model shape is `shape`. */
export function parseParamValue(option: string, shape: Shape, raw: string): unknown {
  const text = readParamFile(option, raw);
  if (shape.type === 'string') return text;
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return parseJsonParam(option, trimmed);
  try {
    if (shape.type === 'map' && shape.value.type === 'structure')
      return parseStructureMap(trimmed, Object.keys(shape.value.members));
    return parseShorthand(trimmed);
  } catch (err) {
    if (err instanceof ParamError)
      throw new ParamError(`Error parsing parameter '${option}': ${err.message}`);
    throw err;
  }
}
