/**
 * Touchtone buffering, measured: a customer who knows the menu presses 2 half a second into the
 * greeting. With the sample flow as shipped (buffering on), the key stops the greeting and answers
 * the menu; without it (the flow's first block skipped), the key is dropped and the customer must
 * hear the menu and press again. Prints start → queued (an available agent rings at that moment)
 * for both, the median of 5 runs. Prompts take as long as espeak-ng speaks them (175 words a
 * minute), in real time; the flow runner and contacts are the contact center's own, in memory.
 */
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { loadLocalConfig } from '../src/contact-center/config/load-local-config';
import type { LocalConfig } from '../src/contact-center/config/local-config-schema';
import { MemoryContacts } from '../src/contact-center/contacts/memory-contacts';
import { DtmfInbox } from '../src/contact-center/flows/dtmf-inbox';
import { withoutFirstAction } from '../src/contact-center/flows/testing/flow-test-kit';
import { FlowRunner } from '../src/contact-center/flows/flow-runner';
import { CenterDirectory } from '../src/contact-center/routing/center-directory';
import { medianLine } from './bench-stats';

const ROUNDS = 5;
const WORDS_PER_MINUTE = 175;
const config = loadLocalConfig(join(import.meta.dirname, '../config/local'));

/** How long espeak-ng takes to say `text`. */
const speakingMs = (text: string) => (text.split(/\s+/).length / WORDS_PER_MINUTE) * 60_000;

/** One call: resolves with ms from the flow's start to the transfer to Support. */
async function call(setup: LocalConfig): Promise<number> {
  const contacts = new MemoryContacts();
  let queuedAt = 0;
  /** Each prompt the customer heard, and when it ended (stopped early or read out). */
  const heard: Array<{ text: string; ended: Promise<void> }> = [];
  const runner = new FlowRunner({
    contacts,
    directory: new CenterDirectory(setup),
    dtmf: new DtmfInbox(),
    now: () => Date.parse('2026-11-24T15:00:00Z'),
    logger: { info: () => {}, warn: () => {} },
    prompts: {
      play: (_contact, prompt, signal) => {
        const ended = new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, speakingMs(prompt.text));
          signal.addEventListener(
            'abort',
            () => {
              clearTimeout(timer);
              resolve();
            },
            { once: true },
          );
        });
        heard.push({ text: prompt.text, ended });
        return ended;
      },
    },
    queues: {
      enqueue: () => {
        queuedAt = performance.now();
        return true;
      },
    },
  });
  const contact = contacts.create({ contactFlowId: setup.flows[0]!.id, name: 'Dana' });
  const started = performance.now();
  const done = runner.run(contact.id);
  await new Promise((r) => setTimeout(r, 500));
  if (!runner.deliverDtmf(contact.id, '2')) {
    // Dropped: the customer listens to the menu, then presses again.
    let menu: (typeof heard)[number] | undefined;
    while (!(menu = heard.find((p) => p.text.startsWith('Press 1'))))
      await new Promise((r) => setTimeout(r, 20));
    await menu.ended;
    await new Promise((r) => setTimeout(r, 300));
    runner.deliverDtmf(contact.id, '2');
  }
  if ((await done) !== 'queued') throw new Error('the call did not reach a queue');
  return queuedAt - started;
}

for (const [label, setup] of [
  ['with touchtone buffering (as shipped)', config],
  ['without (Connect default)', withoutFirstAction(config)],
] as const) {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) times.push(await call(setup));
  console.log(medianLine(`start → queued, 2 pressed 0.5 s into the greeting, ${label}`, times));
}
