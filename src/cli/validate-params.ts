/**
 * Client-side parameter validation in the manner of botocore's ParamValidator: types, unknown
 * members, required members and length limits, all reported together. Enum values are left to the
 * service, as the AWS CLI does, so the service's own error is what the user sees.
 */
import { ParamError } from './cli-errors';
import type { Shape } from './input-model';

const typeName = (v: unknown) =>
  Array.isArray(v) ? 'list' : v === null ? 'null' : typeof v === 'object' ? 'map' : typeof v;

function check(shape: Shape, value: unknown, path: string, errors: string[]): void {
  const where = path || 'input';
  if (shape.type === 'string') {
    if (typeof value !== 'string') {
      errors.push(
        `Invalid type for parameter ${where}, value: ${JSON.stringify(value)}, type: ${typeName(value)}, valid types: string`,
      );
      return;
    }
    const length = [...value].length;
    if (shape.min !== undefined && length < shape.min)
      errors.push(
        `Invalid length for parameter ${where}, value: ${length}, valid min length: ${shape.min}`,
      );
    if (shape.max !== undefined && length > shape.max)
      errors.push(
        `Invalid length for parameter ${where}, value: ${length}, valid max length: ${shape.max}`,
      );
    return;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push(
      `Invalid type for parameter ${where}, value: ${JSON.stringify(value)}, type: ${typeName(value)}, valid types: map`,
    );
    return;
  }
  const obj = value as Record<string, unknown>;
  if (shape.type === 'map') {
    for (const [k, v] of Object.entries(obj)) check(shape.value, v, `${where}.${k}`, errors);
    return;
  }
  for (const req of shape.required ?? []) {
    if (obj[req] === undefined) errors.push(`Missing required parameter in ${where}: "${req}"`);
  }
  const known = Object.keys(shape.members);
  for (const [k, v] of Object.entries(obj)) {
    const member = shape.members[k];
    if (!member)
      errors.push(`Unknown parameter in ${where}: "${k}", must be one of: ${known.join(', ')}`);
    else if (v !== undefined) check(member, v, path ? `${path}.${k}` : k, errors);
  }
}

/** Throws one ParamError listing every problem of `params` against `shape`. */
export function validateParams(shape: Shape, params: Record<string, unknown>): void {
  const errors: string[] = [];
  check(shape, params, '', errors);
  if (errors.length > 0) throw new ParamError(`Parameter validation failed:\n${errors.join('\n')}`);
}
