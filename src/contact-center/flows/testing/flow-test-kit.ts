/**
 * Test kit for the flow runner: a runner over in-memory contacts and the shipped configuration
 * (with a test's flow added), validated by the config loader's own validation; a prompt player that
 * records what reached the customer, and a routing gate that records transfers. Used only by the
 * *.test.ts files.
 */
import { join, resolve } from 'node:path';
import { CONFIG_FILE_NAME, readJson, validateLocalConfig } from '../../config/load-local-config';
import type { LocalConfig } from '../../config/local-config-schema';
import { CenterDirectory } from '../../routing/center-directory';
import { MemoryContacts } from '../../contacts/memory-contacts';
import type { ContactRecord } from '../../contacts/contact-record';
import { DtmfInbox } from '../dtmf-inbox';
import type { FlowAction } from '../flow-document';
import { FlowRunner } from '../flow-runner';

const CONFIG_DIR = resolve(import.meta.dirname, '../../../../config/local');
/** Where the kit pretends a test's flow was read from: it shows in the loader's errors. */
const TEST_FLOW_FILE = 'flows/test-flow.json';

/**
 * The shipped configuration, optionally with `flow` added first as flow `flow-1`, validated by the
 * loader's own validateLocalConfig: a flow the server would refuse throws the loader's error.
 */
export function testConfig(flow?: unknown): LocalConfig {
  const file = join(CONFIG_DIR, CONFIG_FILE_NAME);
  const json = readJson(file) as { flows: Array<Record<string, unknown>> };
  if (flow !== undefined)
    json.flows = [
      { id: 'flow-1', name: 'Test flow', type: 'CONTACT_FLOW', file: TEST_FLOW_FILE },
      ...json.flows,
    ];
  const testFlowPath = resolve(CONFIG_DIR, TEST_FLOW_FILE);
  return validateLocalConfig(json, {
    file,
    root: CONFIG_DIR,
    readFlow: (path) =>
      flow !== undefined && path === testFlowPath ? structuredClone(flow) : readJson(path),
  });
}

/**
 * `setup` with its first flow starting one action later: at its StartAction's NextAction, as if its
 * first block were taken out (for the sample flow: Set Touchtone Buffer Behavior, leaving Connect's
 * default of dropping keys pressed during a prompt).
 */
export function withoutFirstAction(setup: LocalConfig): LocalConfig {
  const flow = setup.flows[0]!;
  const exported = flow.content as unknown as {
    StartAction: string;
    Actions: Array<{ Identifier: string; Transitions: { NextAction?: string } }>;
  };
  const next = exported.Actions.find((a) => a.Identifier === exported.StartAction)!.Transitions
    .NextAction!;
  const content = { ...exported, StartAction: next } as unknown as typeof flow.content;
  return { ...setup, flows: [{ ...flow, content }, ...setup.flows.slice(1)] };
}

/** An exported flow document from actions (Parameters/Transitions as in a Connect export). */
export function exportedFlow(
  actions: Array<Partial<FlowAction> & Pick<FlowAction, 'Identifier' | 'Type'>>,
): unknown {
  return {
    Version: '2019-10-30',
    StartAction: actions[0]?.Identifier,
    Metadata: { entryPointPosition: { x: 40, y: 40 }, ActionMetadata: {} },
    Actions: actions.map((a) => ({ Parameters: {}, Transitions: {}, ...a })),
  };
}

/**
 * A MessageParticipant action saying `text`, going on to `next` (none: the flow falls off its end there),
 * with any extra `parameters` (such as SkipWhenDTMFBufferEnabled).
 */
export const say = (
  id: string,
  text: string,
  next?: string,
  parameters: Record<string, unknown> = {},
) => ({
  Identifier: id,
  Type: 'MessageParticipant',
  Parameters: { Text: text, ...parameters },
  Transitions: next ? { NextAction: next } : {},
});

/** The DisconnectParticipant action `bye` that the kit's test flows end on. */
export const bye = { Identifier: 'bye', Type: 'DisconnectParticipant' };

/** The kit's default time: a Monday, 10:00 in New York. */
const MONDAY_10_NEW_YORK = new Date('2026-11-23T15:00:00Z');

/** What a flow test may set: the flow to run, the clock, and whether queues have room. */
export interface FlowKitOptions {
  /** An exported flow document to run as `flow-1` (validated as the server's loader does). */
  flow?: unknown;
  /** The one clock of the kit's contacts and flows, stopped at this time. */
  now?: Date;
  /**
   * false: every queue is at capacity (TransferContactToQueue takes its QueueAtCapacity branch).
   */
  capacity?: boolean;
  /**
   * How long a prompt plays: resolves when it has played. Default: at once. The signal aborts when
   * the runner stops the prompt early (a key interrupted it); the kit then lists it in
   * `interrupted`.
   */
  playback?: (prompt: { text: string }, signal: AbortSignal) => Promise<void>;
}

/**
 * A flow runner over MemoryContacts and the validated configuration, recording prompts, transfers
 * and warnings.
 */
export function flowKit(options: FlowKitOptions = {}) {
  const setup = testConfig(options.flow);
  const clock = () => (options.now ?? MONDAY_10_NEW_YORK).getTime();
  const contacts = new MemoryContacts(clock);
  const prompts: Array<{ text: string; ssml: boolean }> = [];
  const interrupted: string[] = [];
  const queued: Array<{ contactId: string; queueId: string; agentId?: string }> = [];
  const warnings: Array<{ obj: object; msg: string }> = [];
  const dtmf = new DtmfInbox();
  const runner = new FlowRunner({
    contacts,
    directory: new CenterDirectory(setup),
    dtmf,
    now: clock,
    logger: { info: () => {}, warn: (obj, msg) => void warnings.push({ obj, msg }) },
    prompts: {
      play: async (contact, prompt, signal) => {
        prompts.push(prompt);
        contacts.addTranscript(contact.id, {
          kind: 'caption',
          participantRole: 'SYSTEM',
          contentType: 'text/plain',
          content: prompt.text,
        });
        const onAbort = () => interrupted.push(prompt.text);
        signal.addEventListener('abort', onAbort, { once: true });
        try {
          await options.playback?.(prompt, signal);
        } finally {
          signal.removeEventListener('abort', onAbort);
        }
      },
    },
    queues: {
      enqueue: (contactId, target) => {
        if (options.capacity === false) return false;
        queued.push({ contactId, ...target });
        contacts.transition(contactId, { kind: 'queued' });
        return true;
      },
    },
  });
  const contactFlowId = options.flow ? 'flow-1' : setup.flows[0]?.id;
  /** Waits until a GetParticipantInput is pending for the contact. */
  const waitForInput = async (contactId: string) => {
    for (let i = 0; i < 200 && !dtmf.isWaiting(contactId); i++)
      await new Promise((r) => setTimeout(r, 5));
    if (!dtmf.isWaiting(contactId)) throw new Error('no input pending');
  };
  /**
   * Waits for the contact's pending input, then keys `digits` into it; false if nothing took them.
   */
  const press = async (contactId: string, digits: string) => {
    await waitForInput(contactId);
    return runner.deliverDtmf(contactId, digits);
  };
  return {
    setup,
    contacts,
    prompts,
    interrupted,
    queued,
    warnings,
    runner,
    dtmf,
    waitForInput,
    press,
    contactFlowId,
  };
}

/** How runFlow runs a flow: the kit's options, and what to do while the flow runs. */
export interface RunFlowOptions extends Omit<FlowKitOptions, 'flow'> {
  /** Acts on the running contact (keys it in, say); the run's ending is awaited after it. */
  during?: (kit: ReturnType<typeof flowKit>, contactId: string) => Promise<void>;
}

/**
 * Runs the exported `flow` as `flow-1` for a new contact created with `contact`, to its end. Returns the
 * kit with the run's `ending`, the contact as it ended and the prompts' texts (`said`).
 */
export async function runFlow(
  flow: unknown,
  { during, ...options }: RunFlowOptions = {},
  contact: Partial<ContactRecord> = {},
) {
  const kit = flowKit({ ...options, flow });
  const created = kit.contacts.create({ contactFlowId: 'flow-1', ...contact });
  const pending = kit.runner.run(created.id);
  await during?.(kit, created.id);
  const ending = await pending;
  return {
    ...kit,
    ending,
    contact: kit.contacts.get(created.id),
    said: kit.prompts.map((p) => p.text),
  };
}
