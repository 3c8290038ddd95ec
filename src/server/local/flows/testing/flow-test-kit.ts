/**
 * Test kit for the flow runner: a runner over in-memory contacts and the real default configuration
 * (or a given one), a prompt player that records what reached the customer, and a routing gate that
 * records transfers. Used only by the *.test.ts files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CenterDirectory, type CenterSetup } from '../../routing/center-directory';
import { MemoryContacts } from '../../contacts/testing/memory-contacts';
import { DtmfInbox } from '../dtmf-inbox';
import type { FlowAction } from '../flow-document';
import { FlowRunner } from '../flow-runner';

const CONFIG_DIR = join(import.meta.dirname, '../../../../../config/local');

/** The shipped configuration with its sample flow loaded, as loadLocalConfig provides it. */
export function defaultSetup(): CenterSetup & { flows: Array<{ id: string; name: string; file: string; content: unknown }> } {
  const config = JSON.parse(readFileSync(join(CONFIG_DIR, 'contact-center.json'), 'utf8'));
  for (const flow of config.flows) flow.content = JSON.parse(readFileSync(join(CONFIG_DIR, flow.file), 'utf8'));
  return config;
}

/** An exported flow document from actions (Parameters/Transitions as in a Connect export). */
export function exportedFlow(actions: Array<Partial<FlowAction> & Pick<FlowAction, 'Identifier' | 'Type'>>): unknown {
  return {
    Version: '2019-10-30',
    StartAction: actions[0]?.Identifier,
    Metadata: { entryPointPosition: { x: 40, y: 40 }, ActionMetadata: {} },
    Actions: actions.map((a) => ({ Parameters: {}, Transitions: {}, ...a })),
  };
}

export interface FlowKitOptions {
  flow?: unknown;
  now?: Date;
  capacity?: boolean;
  setup?: CenterSetup;
}

export function flowKit(options: FlowKitOptions = {}) {
  const setup = options.setup ?? defaultSetup();
  if (options.flow) setup.flows = [{ id: 'flow-1', name: 'Test flow', content: options.flow }, ...setup.flows];
  const contacts = new MemoryContacts();
  const prompts: Array<{ text: string; ssml: boolean }> = [];
  const queued: Array<{ contactId: string; queueId: string; agentId?: string }> = [];
  const warnings: Array<{ obj: object; msg: string }> = [];
  const dtmf = new DtmfInbox();
  const runner = new FlowRunner({
    contacts,
    directory: new CenterDirectory(setup),
    dtmf,
    now: () => options.now ?? new Date('2026-11-23T15:00:00Z'), // a Monday, 10:00 in New York
    logger: { info: () => {}, warn: (obj, msg) => void warnings.push({ obj, msg }) },
    prompts: {
      play: async (contact, prompt) => {
        prompts.push(prompt);
        contacts.addTranscript(contact.id, { kind: 'caption', participantRole: 'SYSTEM', contentType: 'text/plain', content: prompt.text });
      },
    },
    queues: {
      enqueue: (contactId, target) => {
        if (options.capacity === false) return false;
        queued.push({ contactId, ...target });
        contacts.update(contactId, (c) => void (c.state = 'QUEUED'));
        return true;
      },
    },
  });
  const contactFlowId = options.flow ? 'flow-1' : setup.flows[0]?.id;
  /** Waits until a GetParticipantInput is pending for the contact. */
  const waitForInput = async (contactId: string) => {
    for (let i = 0; i < 200 && !dtmf.isWaiting(contactId); i++) await new Promise((r) => setTimeout(r, 5));
    if (!dtmf.isWaiting(contactId)) throw new Error('no input pending');
  };
  return { setup, contacts, prompts, queued, warnings, runner, waitForInput, contactFlowId };
}
