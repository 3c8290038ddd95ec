/**
 * A flow runner of its own for one test execution: the contact center's flows, hours and queues,
 * but contacts in memory, prompts that only report what they say, and a queue gate that records the
 * transfer and takes nobody to an agent. Nothing a test does reaches the real contacts, queues or
 * desk.
 */
import type { Clock } from '../clock';
import type { LocalConfig } from '../config/local-config-schema';
import { MemoryContacts } from '../contacts/memory-contacts';
import { DtmfInbox } from '../flows/dtmf-inbox';
import type { FlowAction } from '../flows/flow-document';
import type { FlowScope } from '../flows/flow-references';
import { FlowRunner } from '../flows/flow-runner';
import { CenterDirectory } from '../routing/center-directory';

/** What the system does during a test, as the Testing language's events see it. */
export type SandboxEvent =
  | { type: 'MessageReceived'; text: string; ssml: boolean }
  | { type: 'FlowActionStarted'; action: FlowAction; scope: FlowScope };

/** The configuration, clock and time scale of the sandbox, and where its events go. */
export interface SandboxOptions {
  config: LocalConfig;
  /** The flow's clock (hours of operation are checked against it). */
  now: Clock;
  /** Multiplies the flow's input time limits (see DtmfInbox). */
  timeScale: number;
  onEvent: (event: SandboxEvent) => void;
  /** Hours of operation checks read `substitute(id)` instead of `id` (OverrideSystemBehavior). */
  substituteHours: (hoursIdOrArn: string) => string;
}

/**
 * A flow runner over in-memory contacts, reporting prompts and actions; transfers are only
 * recorded.
 */
export function createFlowSandbox(options: SandboxOptions) {
  const contacts = new MemoryContacts(options.now);
  const dtmf = new DtmfInbox(options.timeScale);
  const real = new CenterDirectory(options.config);
  // Only hours lookups change; every other lookup is the real directory's.
  const directory = new Proxy(real, {
    get(target, key, receiver) {
      if (key === 'hours')
        return (idOrArn: string) => target.hours(options.substituteHours(idOrArn));
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const transfers: Array<{ queueId: string; agentId?: string }> = [];
  const runner = new FlowRunner({
    contacts,
    directory,
    dtmf,
    now: options.now,
    logger: { info: () => {}, warn: () => {} },
    prompts: {
      play: async (_contact, prompt) => {
        options.onEvent({ type: 'MessageReceived', text: prompt.text, ssml: prompt.ssml });
      },
    },
    queues: {
      enqueue: (contactId, target) => {
        transfers.push(target);
        contacts.transition(contactId, { kind: 'queued' });
        return true;
      },
    },
    observer: {
      actionStarted: (_contactId, action, scope) =>
        options.onEvent({ type: 'FlowActionStarted', action, scope }),
    },
  });
  return { contacts, runner, transfers };
}
