import { describe, expect, it } from 'vitest';
import { bye, exportedFlow, flowKit, say } from './testing/flow-test-kit';
import { TOUCHTONE_BUFFER_LIMIT, TouchtoneBuffer } from './touchtone-buffer';

const SUPPORT = 'e6ae982a-8d10-457c-b048-628cc7125a3c';

/**
 * A playback that holds the prompts `held` until the test calls their `release()`; others play at
 * once.
 */
function heldPlayback(...held: string[]) {
  const playing: Array<{ text: string; release: () => void }> = [];
  const playback = async (prompt: { text: string }, signal: AbortSignal) => {
    if (!held.includes(prompt.text)) return;
    await new Promise<void>((resolve) => {
      playing.push({ text: prompt.text, release: resolve });
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
  };
  /** Waits until the prompt `text` is playing. */
  const started = async (text: string) => {
    for (let i = 0; i < 200 && !playing.some((p) => p.text === text); i++)
      await new Promise((r) => setTimeout(r, 5));
    const found = playing.find((p) => p.text === text);
    if (!found) throw new Error(`prompt "${text}" never started`);
    return found;
  };
  return { playback, started };
}

const buffering = (id: string, next: string, parameters: Record<string, unknown> = {}) => ({
  Identifier: id,
  Type: 'GetParticipantInput',
  Parameters: { EnableDTMFBuffer: 'true', ...parameters },
  Transitions: { NextAction: next, Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'err' }] },
});
const menu = (
  id: string,
  next: string,
  choices: Record<string, string> = { 1: 'one', 2: 'two' },
) => ({
  Identifier: id,
  Type: 'GetParticipantInput',
  Parameters: {
    Text: 'Press 1 or 2',
    StoreInput: 'False',
    InputTimeLimitSeconds: '1',
    DTMFConfiguration: { DisableCancelKey: 'False' },
  },
  Transitions: {
    NextAction: next,
    Conditions: Object.entries(choices).map(([digit, target]) => ({
      NextAction: target,
      Condition: { Operator: 'Equals', Operands: [digit] },
    })),
    Errors: [
      { ErrorType: 'InputTimeLimitExceeded', NextAction: 'timeout' },
      { ErrorType: 'NoMatchingCondition', NextAction: 'timeout' },
    ],
  },
});
const storeDigits = (id: string, max: string, next: string) => ({
  Identifier: id,
  Type: 'GetParticipantInput',
  Parameters: {
    Text: 'Enter your account number',
    StoreInput: 'True',
    InputTimeLimitSeconds: '1',
    InputValidation: { CustomValidation: { MaximumLength: max } },
    DTMFConfiguration: { InputTerminationSequence: '#', InterdigitTimeLimitSeconds: '1' },
  },
  Transitions: {
    NextAction: next,
    Errors: [
      { ErrorType: 'InputTimeLimitExceeded', NextAction: 'timeout' },
      { ErrorType: 'NoMatchingError', NextAction: 'err' },
    ],
  },
});
const keep = (id: string, name: string, next: string) => ({
  Identifier: id,
  Type: 'UpdateContactAttributes',
  Parameters: { Attributes: { [name]: '$.StoredCustomerInput' } },
  Transitions: { NextAction: next },
});
const ends = [
  say('one', 'chose one', 'bye'),
  say('two', 'chose two', 'bye'),
  say('timeout', 'no input', 'bye'),
  say('err', 'error branch', 'bye'),
  bye,
];

/**
 * Starts `actions`, followed by the shared endings, as flow-1 for a new contact. The prompts `hold`
 * play until the test releases them; `typeAhead` keys are pressed as the prompt `during` starts.
 */
function startBuffered(
  actions: Parameters<typeof exportedFlow>[0],
  { hold = [], typeAhead }: { hold?: string[]; typeAhead?: { during: string; keys: string } } = {},
) {
  const held = heldPlayback(...hold);
  const kit = flowKit({
    flow: exportedFlow([...actions, ...ends]),
    playback: async (prompt, signal) => {
      if (prompt.text === typeAhead?.during) kit.runner.deliverDtmf(contact.id, typeAhead.keys);
      await held.playback(prompt, signal);
    },
  });
  const contact = kit.contacts.create({ contactFlowId: 'flow-1' });
  return { kit, contact, started: held.started, done: kit.runner.run(contact.id) };
}

describe('TouchtoneBuffer', () => {
  it('keeps keys first in, first out, and at most 30', () => {
    const buffer = new TouchtoneBuffer();
    buffer.push('12');
    buffer.push('3'.repeat(40));
    expect(buffer.contents).toHaveLength(TOUCHTONE_BUFFER_LIMIT);
    expect(buffer.shift()).toBe('1');
    expect(buffer.shift()).toBe('2');
    buffer.push('45');
    expect(buffer.contents.endsWith('345')).toBe(true);
    expect(buffer.contents).toHaveLength(TOUCHTONE_BUFFER_LIMIT);
    expect(buffer.drain()).toHaveLength(TOUCHTONE_BUFFER_LIMIT);
    expect(buffer.shift()).toBeUndefined();
  });

  it('tells a waiter about the next key, and forgets a waiter whose signal aborted', async () => {
    const buffer = new TouchtoneBuffer();
    const stop = new AbortController();
    let woken = false;
    void buffer.nextKey(stop.signal).then(() => (woken = true));
    stop.abort();
    const live = buffer.nextKey(new AbortController().signal);
    buffer.push('5');
    await live;
    expect(woken).toBe(false);
  });
});

describe('Set Touchtone Buffer Behavior in the flow runner', () => {
  it("without it, a key pressed during a prompt is dropped (Connect's default)", async () => {
    const { kit, contact, started, done } = startBuffered(
      [say('hello', 'Welcome', 'menu'), menu('menu', 'timeout')],
      { hold: ['Welcome', 'Press 1 or 2'] },
    );
    expect(kit.runner.deliverDtmf(contact.id, '2')).toBe(false);
    (await started('Welcome')).release();
    (await started('Press 1 or 2')).release();
    expect(await done).toBe('disconnected');
    expect(kit.prompts.map((p) => p.text)).toEqual(['Welcome', 'Press 1 or 2', 'no input']);
  });

  it('with it, a key pressed during a prompt is taken by the next Get customer input, which skips its prompt', async () => {
    const { kit, contact, started, done } = startBuffered(
      [buffering('buffer', 'hello'), say('hello', 'Welcome', 'menu'), menu('menu', 'timeout')],
      { hold: ['Welcome'] },
    );
    await started('Welcome');
    expect(kit.runner.deliverDtmf(contact.id, '2')).toBe(true);
    expect(kit.dtmf.buffer(contact.id)?.contents).toBe('2');
    // The greeting does not have the skip option: it plays to its end.
    expect(kit.interrupted).toEqual([]);
    (await started('Welcome')).release();
    expect(await done).toBe('disconnected');
    expect(kit.prompts.map((p) => p.text)).toEqual(['Welcome', 'chose two']);
  });

  it('Get customer input takes one buffered key at a time, oldest first', async () => {
    const { kit, contact, started, done } = startBuffered(
      [
        buffering('buffer', 'hello'),
        say('hello', 'Welcome', 'first'),
        menu('first', 'timeout', { 1: 'second' }),
        menu('second', 'timeout'),
      ],
      { hold: ['Welcome'] },
    );
    await started('Welcome');
    kit.runner.deliverDtmf(contact.id, '12');
    (await started('Welcome')).release();
    expect(await done).toBe('disconnected');
    expect(kit.prompts.map((p) => p.text)).toEqual(['Welcome', 'chose two']);
  });

  it('Store customer input takes up to its maximum from the buffer and leaves the rest for the next input', async () => {
    // The customer types ahead during the greeting: an account number and a menu choice.
    const { kit, contact, done } = startBuffered(
      [
        buffering('buffer', 'hello'),
        say('hello', 'Welcome', 'account'),
        storeDigits('account', '4', 'keep-account'),
        keep('keep-account', 'account', 'menu'),
        menu('menu', 'timeout'),
      ],
      { typeAhead: { during: 'Welcome', keys: '48172' } },
    );
    expect(await done).toBe('disconnected');
    expect(kit.contacts.get(contact.id)?.attributes.account).toBe('4817');
    expect(kit.prompts.at(-1)?.text).toBe('chose two');
  });

  it('Store customer input with fewer buffered keys than its maximum waits for the rest, inter-digit', async () => {
    const { kit, contact, done } = startBuffered(
      [
        buffering('buffer', 'hello'),
        say('hello', 'Welcome', 'account'),
        storeDigits('account', '6', 'keep-account'),
        keep('keep-account', 'account', 'bye'),
      ],
      { typeAhead: { during: 'Welcome', keys: '12' } },
    );
    await kit.waitForInput(contact.id);
    expect(kit.runner.deliverDtmf(contact.id, '34#')).toBe(true);
    expect(await done).toBe('disconnected');
    expect(kit.contacts.get(contact.id)?.attributes.account).toBe('1234');
  });

  it('a prompt with SkipWhenDTMFBufferEnabled is skipped when keys are buffered and stopped by a key', async () => {
    const skippable = { SkipWhenDTMFBufferEnabled: 'true' };
    const { kit, contact, started, done } = startBuffered(
      [
        buffering('buffer', 'hello'),
        say('hello', 'Welcome', 'news', skippable),
        say('news', 'Our opening hours changed', 'menu', skippable),
        menu('menu', 'timeout'),
      ],
      { hold: ['Welcome', 'Our opening hours changed'] },
    );
    await started('Welcome');
    kit.runner.deliverDtmf(contact.id, '1');
    expect(await done).toBe('disconnected');
    // The key stopped the greeting, the next skippable prompt was skipped, the menu took the key.
    expect(kit.interrupted).toEqual(['Welcome']);
    expect(kit.prompts.map((p) => p.text)).toEqual(['Welcome', 'chose one']);
  });

  it('Stop and Clear stores what was buffered in $.StoredCustomerInput and drops later keys', async () => {
    const { kit, contact, started, done } = startBuffered(
      [
        buffering('buffer', 'hello'),
        say('hello', 'Welcome', 'stop'),
        buffering('stop', 'keep-typed', { EnableDTMFBuffer: 'False', StoreInput: 'True' }),
        keep('keep-typed', 'typed', 'menu'),
        menu('menu', 'timeout'),
      ],
      { hold: ['Welcome', 'Press 1 or 2'] },
    );
    await started('Welcome');
    kit.runner.deliverDtmf(contact.id, '99');
    (await started('Welcome')).release();
    await started('Press 1 or 2');
    expect(kit.dtmf.buffer(contact.id)).toBeUndefined();
    (await started('Press 1 or 2')).release();
    expect(await done).toBe('disconnected');
    expect(kit.contacts.get(contact.id)?.attributes.typed).toBe('99');
    expect(kit.prompts.at(-1)?.text).toBe('no input');
  });

  it('takes the error branch for a bad EnableDTMFBuffer, or StoreInput with Enable', async () => {
    for (const parameters of [
      { EnableDTMFBuffer: 'yes' },
      { EnableDTMFBuffer: 'true', StoreInput: 'True' },
      { EnableDTMFBuffer: 'false', StoreInput: 'maybe' },
    ]) {
      const { kit, done } = startBuffered([buffering('buffer', 'bye', parameters)]);
      await done;
      expect(kit.prompts.map((p) => p.text)).toEqual(['error branch']);
    }
  });

  it('the buffer is cleared and off once the contact is transferred to a queue', async () => {
    const kit = flowKit();
    const contact = kit.contacts.create({ contactFlowId: kit.contactFlowId });
    const done = kit.runner.run(contact.id);
    await kit.press(contact.id, '2');
    expect(await done).toBe('queued');
    expect(kit.dtmf.buffer(contact.id)).toBeUndefined();
    expect(kit.runner.deliverDtmf(contact.id, '5')).toBe(false);
  });
});

describe('the sample flow buffers touchtones', () => {
  it('a customer who presses 2 during the greeting stops it and reaches Support without hearing the menu', async () => {
    const greeting = 'Hello Dana, thank you for calling us on video.';
    const held = heldPlayback(greeting);
    const kit = flowKit({ playback: held.playback });
    const contact = kit.contacts.create({ contactFlowId: kit.contactFlowId, name: 'Dana' });
    const done = kit.runner.run(contact.id);
    await held.started('Hello Dana, thank you for calling us on video.');
    expect(kit.runner.deliverDtmf(contact.id, '2')).toBe(true);
    expect(await done).toBe('queued');
    expect(kit.queued).toEqual([{ contactId: contact.id, queueId: SUPPORT }]);
    expect(kit.interrupted).toEqual(['Hello Dana, thank you for calling us on video.']);
    expect(kit.prompts.map((p) => p.text)).toEqual([
      'Hello Dana, thank you for calling us on video.',
    ]);
  });
});
