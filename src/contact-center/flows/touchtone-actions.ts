/**
 * Set Touchtone Buffer Behavior: in the flow language a GetParticipantInput whose
 * `EnableDTMFBuffer` is "true" (start buffering) or "false" (stop and clear, optionally storing
 * what was buffered in $.StoredCustomerInput first).
 */
import type { FlowAction } from './flow-document';
import { fail, next, param, type ActionHandler } from './flow-execution';

/** True when a GetParticipantInput action is the Set Touchtone Buffer Behavior block. */
export const isTouchtoneBufferBlock = (action: FlowAction): boolean =>
  action.Parameters.EnableDTMFBuffer !== undefined;

/**
 * Connect's flow language writes booleans as "True"/"False", its newer exports as "true"/"false".
 */
function flag(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

/**
 * Enable, or Stop and Clear (storing the keys first with StoreInput); bad parameters take the error
 * branch.
 */
export const setTouchtoneBufferBehavior: ActionHandler = (action, run, services) => {
  const enable = flag(param(action, 'EnableDTMFBuffer'));
  if (enable === undefined) return fail('EnableDTMFBuffer must be true or false');
  const store = flag(param(action, 'StoreInput'));
  if (action.Parameters.StoreInput !== undefined && store === undefined)
    return fail('StoreInput must be true or false');
  if (enable) {
    if (action.Parameters.StoreInput !== undefined || action.Parameters.InputEncryption)
      return fail('StoreInput and InputEncryption apply only to Stop and Clear');
    services.dtmf.startBuffering(run.contactId);
    return next();
  }
  if (action.Parameters.InputEncryption !== undefined)
    return fail(
      'encrypted input needs a key service, which the local contact center does not have',
    );
  const buffered = services.dtmf.stopBuffering(run.contactId);
  if (store) run.storedCustomerInput = buffered;
  return next();
};
