/**
 * One route of the emulator as written in a service model's `http` trait: method, URI template
 * with `{Label}` segments and an optional `?operation=x`, the operation, the service whose error
 * names it answers with, and the success status.
 */
import type { ServiceFamily } from './aws-error';
import type { Operation } from './emulator-context';

/** One emulated operation's method, path template and handler. */
export interface Route {
  method: string;
  segments: string[];
  /**
   * The `operation` query member the template requires (Chime's `?operation=batch-create`), if any.
   */
  queryOperation?: string;
  operation: Operation;
  /**
   * The service whose error names the route answers with (e.g. InternalServerException for
   * participant).
   */
  service: ServiceFamily;
  /** The model's success status (200, or 204 for Chime's deletes). */
  status: number;
}

/** A route from `METHOD /path/{Label}?operation=x` as written in the service model. */
export const route = (spec: string, operation: Operation, status = 200): Route => {
  const [method = '', uri = ''] = spec.split(' ');
  const [path = '', query] = uri.split('?');
  const service: ServiceFamily = path.startsWith('/participant/')
    ? 'participant'
    : path.startsWith('/meetings')
      ? 'meetings'
      : 'connect';
  const queryOperation = query?.startsWith('operation=')
    ? query.slice('operation='.length)
    : undefined;
  return {
    method,
    segments: path.split('/').slice(1),
    operation,
    service,
    status,
    ...(queryOperation ? { queryOperation } : {}),
  };
};
