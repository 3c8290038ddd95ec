/**
 * Types shared by the flow runner and its action handlers: one execution of a flow for one contact,
 * and what an action returns to the interpreter.
 */
import type { Clock } from '../clock';
import type { ContactRecord } from '../contacts/contact-record';
import type { LocalContacts } from '../contacts/local-contacts';
import type { CenterDirectory } from '../routing/center-directory';
import type { DtmfInbox } from './dtmf-inbox';
import type { FlowAction } from './flow-document';
import type { FlowScope } from './flow-references';

/** Plays a prompt to the customer: a caption always, speech where a TTS engine is available. */
export interface PromptPlayer {
  play(
    contact: ContactRecord,
    prompt: { text: string; ssml: boolean },
    signal: AbortSignal,
  ): Promise<void>;
}

/** Where the flow hands the contact over to routing. */
export interface QueueGate {
  /** Puts the contact in the queue (or an agent's queue); false when the queue is at capacity. */
  enqueue(contactId: string, target: { queueId: string; agentId?: string }): boolean;
}

/** Where a flow run logs (as Connect's flow logs). */
export interface FlowLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** Watches a flow execution from outside (flow test executions observe every action it starts). */
export interface FlowObserver {
  /** Called as each action starts, with what the flow can read at that moment. */
  actionStarted(contactId: string, action: FlowAction, scope: FlowScope): void;
}

/**
 * What flow blocks may use: the contacts, the directory, prompts, queues, DTMF input, logs and the
 * clock.
 */
export interface FlowServices {
  contacts: LocalContacts;
  directory: CenterDirectory;
  prompts: PromptPlayer;
  queues: QueueGate;
  dtmf: DtmfInbox;
  logger: FlowLogger;
  now: Clock;
  observer?: FlowObserver;
}

/** The state of one flow execution; contact attributes live on the contact record itself. */
export interface FlowExecution {
  contactId: string;
  flowAttributes: Record<string, string>;
  external: Record<string, string>;
  storedCustomerInput?: string;
  targetQueue?: { queueId: string; agentId?: string };
  loops: Map<string, number>;
  signal: AbortSignal;
  /** Builds a scope from the current contact record. */
  scope(): FlowScope;
}

/** What an action did; the interpreter picks the transition from it. */
export type ActionOutcome =
  | { kind: 'next' }
  | { kind: 'result'; value: string }
  | { kind: 'error'; errorType: string; reason: string }
  | { kind: 'jump'; flowId: string }
  | { kind: 'stop'; ending: 'queued' | 'disconnected' | 'end-flow' };

/** Runs one flow block and says where the flow goes next. */
export type ActionHandler = (
  action: FlowAction,
  run: FlowExecution,
  services: FlowServices,
) => Promise<ActionOutcome> | ActionOutcome;

/** Go on to the action's next action. */
export const next = (): ActionOutcome => ({ kind: 'next' });
/** Take the action's error branch of `errorType`. */
export const fail = (reason: string, errorType = 'NoMatchingError'): ActionOutcome => ({
  kind: 'error',
  errorType,
  reason,
});

/** A parameter as a string (exported flows type every value as a string); undefined when absent. */
export function param(action: FlowAction, name: string): string | undefined {
  const v = action.Parameters[name];
  return typeof v === 'string' ? v : undefined;
}
