import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLocalConfig } from '../config/load-local-config';
import { executeTestCase, type TestCaseRun } from './execute-test-case';
import { testCaseRunOf } from './test-case-definition';
import { withoutFirstAction } from '../flows/testing/flow-test-kit';

const CONFIG_DIR = join(import.meta.dirname, '../../../config/local');
const TESTS_DIR = join(CONFIG_DIR, 'tests');
const config = loadLocalConfig(CONFIG_DIR);
const FLOW = config.flows[0]!.id;
const fast = { timeScale: 0.01 };

const sample = (file: string) =>
  JSON.parse(readFileSync(join(TESTS_DIR, file), 'utf8')) as Record<string, unknown>;

/** A WebRTC test of the sample flow with these observations. */
const webrtcTest = (
  observations: unknown[],
  attributes: Record<string, string> = {},
): TestCaseRun =>
  testCaseRunOf(
    {
      EntryPoint: { Type: 'WEBRTC_CALL', VoiceCallEntryPointParameters: { FlowId: FLOW } },
      InitializationData: JSON.stringify(attributes),
      Content: { Version: '2025-06-21', Observations: observations },
    },
    config,
  );
const message = (id: string, Text: string, Actions: unknown[] = []) => ({
  Identifier: id,
  Event: { Type: 'MessageReceived', Actor: 'System', Properties: { Text } },
  Actions,
});
const dtmf = (Value: string) => ({
  Identifier: `press-${Value}`,
  Type: 'SendInstruction',
  Parameters: {
    ActionType: 'SendInstruction',
    Actor: 'Customer',
    Instruction: { Type: 'DtmfInput', Properties: { Value } },
  },
});

describe('the shipped sample flow test cases', () => {
  const files = readdirSync(TESTS_DIR).filter((f) => f.endsWith('.json'));

  it('cover sales, support, closed hours, no input, Spanish and an early digit', () => {
    expect(files.sort()).toEqual([
      'closed-hours.json',
      'early-digit.json',
      'no-input.json',
      'sales.json',
      'spanish.json',
      'support.json',
    ]);
  });

  it.each(files)('%s passes against the sample flow', async (file) => {
    const result = await executeTestCase(config, testCaseRunOf(sample(file), config), fast);
    expect(result.Observations.filter((o) => o.Status === 'FAILED')).toEqual([]);
    expect(result.Status).toBe('PASSED');
  });

  it('the early-digit case fails on a flow that does not buffer touchtones', async () => {
    // The sample flow's first action turns buffering on; start at the one after it instead.
    const unbuffered = withoutFirstAction(config);
    const result = await executeTestCase(
      unbuffered,
      testCaseRunOf(sample('early-digit.json'), unbuffered),
      fast,
    );
    expect(result.Status).toBe('FAILED');
    const transfer = result.Observations.find((o) => o.ObservationId === 'transfer')!;
    expect(transfer.Record.Actions.find((a) => a.Identifier === 'department')).toMatchObject({
      Status: 'FAILED',
      Detail: '$.Attributes.department is "general", not Equals support',
    });
    const greeting = result.Observations.find((o) => o.ObservationId === 'greeting')!;
    expect(greeting.Record.Actions[0]?.Detail).toMatch(/dropped/);
  });

  it('the sales case fails when its hours override is taken out and Sales is closed', async () => {
    const test = sample('closed-hours.json');
    const content = test.Content as { Observations: Array<{ Actions: unknown[] }> };
    content.Observations[0]!.Actions = [];
    const result = await executeTestCase(config, testCaseRunOf(test, config), {
      ...fast,
      now: () => Date.parse('2026-11-24T15:00:00Z'), // a Tuesday, 10:00 in New York: Sales is open
    });
    expect(result.Status).toBe('FAILED');
    expect(result.Observations.find((o) => o.ObservationId === 'closed-prompt')).toMatchObject({
      Status: 'FAILED',
      Record: { Detail: 'not observed (the flow queued)' },
    });
  });
});

describe('executeTestCase', () => {
  it('fails an observation that is never seen, naming how the flow ended', async () => {
    const result = await executeTestCase(
      config,
      webrtcTest([
        message('menu', 'Press 1 for sales, or 2 for support.', [dtmf('2')]),
        message('never', 'This prompt is not in the flow'),
      ]),
      fast,
    );
    expect(result.Status).toBe('FAILED');
    expect(result.FlowEnding).toBe('queued');
    expect(result.Observations.map((o) => [o.ObservationId, o.Status])).toEqual([
      ['menu', 'PASSED'],
      ['never', 'FAILED'],
    ]);
  });

  it('counts an observation as often as its usage says', async () => {
    const menu = {
      ...message('menu', 'Press 1 for sales, or 2 for support.'),
      Usage: { Type: 'EXACTLY', Times: 4 },
    };
    const result = await executeTestCase(config, webrtcTest([menu]), fast);
    // The menu is asked three times (two retries): four is never reached.
    expect(result.Observations[0]).toMatchObject({
      Status: 'FAILED',
      Record: { Detail: 'observed 3 of 4 times' },
    });
  });

  it('ends at EndTest without waiting for the rest of the flow (the menu would wait 8 s a try)', async () => {
    const result = await executeTestCase(
      config,
      webrtcTest([
        message('greeting', 'thank you for calling us on video', [
          { Identifier: 'stop', Type: 'EndTest' },
        ]),
      ]),
      { timeScale: 1 },
    );
    expect(result.Status).toBe('PASSED');
    expect(result.FlowEnding).toBe('stopped by EndTest');
  });

  it('stops when its signal aborts, failing what was not observed', async () => {
    const stop = new AbortController();
    const running = executeTestCase(
      config,
      webrtcTest([message('menu', 'Press 1 for sales'), message('closed', 'never said')]),
      { signal: stop.signal },
    );
    stop.abort();
    const result = await running;
    expect(result.FlowEnding).toBe('stopped');
    expect(result.Status).toBe('FAILED');
  });

  it('refuses DTMF on a chat entry point and an override with unknown hours', async () => {
    const chat = testCaseRunOf(
      {
        EntryPoint: { Type: 'CHAT', ChatEntryPointParameters: { FlowId: FLOW } },
        Content: {
          Version: '2025-06-21',
          Observations: [
            {
              Identifier: 'start',
              Event: { Type: 'TestInitiated' },
              Actions: [
                {
                  Identifier: 'hours',
                  Type: 'OverrideSystemBehavior',
                  Parameters: {
                    Behavior: {
                      Type: 'FlowAction',
                      Properties: {
                        ActionType: 'CheckHoursOfOperation',
                        Strategy: { Type: 'SubstituteResource', SubstituteArn: 'nope' },
                      },
                    },
                  },
                },
              ],
            },
            message('menu', 'Press 1 for sales, or 2 for support.', [dtmf('1')]),
          ],
        },
      },
      config,
    );
    const result = await executeTestCase(config, chat, { ...fast, timeoutMs: 5_000 });
    expect(result.Observations.map((o) => o.Record.Actions[0]?.Detail)).toEqual([
      'hours of operation nope do not exist',
      'DTMF input needs a voice or WebRTC contact',
    ]);
  });
});

describe('testCaseRunOf', () => {
  it.each([
    [{ Content: '{' }, /^Content: Content is not JSON/],
    [{ Content: { Version: '2019-10-30', Observations: [] } }, /Version must be "2025-06-21"/],
    [
      {
        Content: {
          Version: '2025-06-21',
          Observations: [{ Identifier: 'a', Event: { Type: 'BotMessage' } }],
        },
      },
      /event type "BotMessage" is not one of/,
    ],
    [
      {
        Content: {
          Version: '2025-06-21',
          Observations: [
            {
              Identifier: 'a',
              Event: { Type: 'TestInitiated' },
              Transitions: { NextObservations: ['b'] },
            },
          ],
        },
      },
      /goes to "b", which is not an observation/,
    ],
  ])('refuses bad content with the reason (%#)', (input, reason) => {
    const entry = {
      EntryPoint: { Type: 'VOICE_CALL', VoiceCallEntryPointParameters: { FlowId: FLOW } },
    };
    expect(() => testCaseRunOf({ ...entry, ...input }, config)).toThrow(reason);
  });

  it('refuses an unknown entry point type or flow', () => {
    const content = {
      Version: '2025-06-21',
      Observations: [{ Identifier: 'a', Event: { Type: 'TestInitiated' } }],
    };
    expect(() =>
      testCaseRunOf({ Content: content, EntryPoint: { Type: 'EMAIL' } }, config),
    ).toThrow(/EntryPoint.Type must be one of VOICE_CALL, CHAT, WEBRTC_CALL/);
    expect(() =>
      testCaseRunOf(
        {
          Content: content,
          EntryPoint: { Type: 'VOICE_CALL', VoiceCallEntryPointParameters: { FlowId: 'nope' } },
        },
        config,
      ),
    ).toThrow(/flow nope does not exist/);
  });
});
