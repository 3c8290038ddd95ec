/**
 * Runs one flow test case against the local flow runner: a test contact enters the entry point's
 * flow in a sandbox, and each observation waits, in the order its transitions give, for the event
 * it describes, then takes its actions. The test passes when every observation was observed as
 * often as its usage says and each of its actions passed.
 */
import { systemClock, type Clock } from '../clock';
import type { LocalConfig } from '../config/local-config-schema';
import type { FlowScope } from '../flows/flow-references';
import { idFromArn } from '../routing/center-directory';
import { createFlowSandbox } from './flow-sandbox';
import { describeEvent, eventMatches, type ObservedEvent } from './observed-events';
import { takeAction, type ActionOutcome } from './test-actions';
import type { TestAction, TestContent, TestObservation } from './testing-language';

/** Where a test contact starts: Connect's VOICE_CALL and CHAT, and the local WEBRTC_CALL. */
export const ENTRY_POINT_TYPES = ['VOICE_CALL', 'CHAT', 'WEBRTC_CALL'] as const;
/** How a flow test case's contact enters the flow. */
export type EntryPointType = (typeof ENTRY_POINT_TYPES)[number];

/** What a test case runs: its content, where the test contact starts, and its initial data. */
export interface TestCaseRun {
  content: TestContent;
  entryPoint: { type: EntryPointType; flowId: string };
  /** The test contact's attributes and name (InitializationData). */
  initialization: { attributes: Record<string, string>; name?: string };
}

/** One observation's outcome (ListTestCaseExecutionRecords' ExecutionRecord). */
export interface ObservationResult {
  ObservationId: string;
  Status: 'PASSED' | 'FAILED';
  /** Epoch ms of the last match, or of the end for an observation never seen. */
  Timestamp: number;
  /** What was observed and what each action did (ExecutionRecord.Record, as JSON). */
  Record: { Event?: Record<string, unknown>; Actions: ActionOutcome[]; Detail?: string };
}

/** A whole execution: PASSED when every observation passed. */
export interface TestCaseResult {
  Status: 'PASSED' | 'FAILED';
  StartTime: number;
  EndTime: number;
  Observations: ObservationResult[];
  /** How the flow ended: queued, disconnected, ended, or stopped by the test. */
  FlowEnding: string;
}

/** The clock, the speed of the flow's timeouts, a time limit and a stop signal. */
export interface ExecuteOptions {
  now?: Clock;
  /** Multiplies the flow's input time limits: 0.01 runs an 8 s timeout in 80 ms. Default 1. */
  timeScale?: number;
  /** The test fails with what is left unobserved after this long. Default 60 s. */
  timeoutMs?: number;
  /** Stops the test (StopTestCaseExecution); what was not observed yet fails. */
  signal?: AbortSignal;
}

const SUBTYPES: Record<EntryPointType, string> = {
  VOICE_CALL: 'connect:Telephony',
  CHAT: 'connect:Chat',
  WEBRTC_CALL: 'connect:WebRTC',
};

/** The actions of an observation in the order their transitions give (array order by default). */
function actionChain(actions: TestAction[]): TestAction[] {
  const byId = new Map(actions.map((a) => [a.Identifier, a]));
  const chain: TestAction[] = [];
  let current = actions[0];
  while (current && !chain.includes(current)) {
    chain.push(current);
    const next = current.Transitions?.NextAction;
    current = next
      ? byId.get(next)
      : next === ''
        ? undefined
        : actions[actions.indexOf(current) + 1];
  }
  return chain;
}

/** Runs `test` against the flows of `config` in a sandbox; never throws for a failing test. */
export async function executeTestCase(
  config: LocalConfig,
  test: TestCaseRun,
  options: ExecuteOptions = {},
): Promise<TestCaseResult> {
  const now = options.now ?? systemClock;
  const observations = test.content.Observations;
  const results = new Map<string, ObservationResult>();
  const seen = new Map<string, number>();
  const hoursSubstitutes = new Map<string | undefined, string>();
  let expected: TestObservation[] = observations.slice(0, 1);
  let latestScope: FlowScope | undefined;
  let contactId = '';
  let finish!: (ending: string) => void;
  const finished = new Promise<string>((resolve) => (finish = resolve));
  let done = false;

  const sandbox = createFlowSandbox({
    config,
    now,
    timeScale: options.timeScale ?? 1,
    substituteHours: (id) =>
      hoursSubstitutes.get(idFromArn(id)) ?? hoursSubstitutes.get(undefined) ?? id,
    onEvent: (event) =>
      observe(
        event.type === 'MessageReceived'
          ? { Type: 'MessageReceived', Text: event.text, SSML: event.ssml }
          : { Type: 'FlowActionStarted', Action: event.action, Scope: event.scope },
      ),
  });

  const context = {
    config,
    channel: test.entryPoint.type === 'CHAT' ? ('CHAT' as const) : ('VOICE' as const),
    keyDigits: (digits: string) => sandbox.runner.deliverDtmf(contactId, digits),
    scope: () => {
      const contact = sandbox.contacts.get(contactId);
      return latestScope && contact ? { ...latestScope, contact } : latestScope;
    },
    substituteHours: (from: string | undefined, to: string) =>
      hoursSubstitutes.set(from === undefined ? undefined : idFromArn(from), to),
  };

  function observe(event: ObservedEvent): void {
    if (done) return;
    if (event.Type === 'FlowActionStarted') latestScope = event.Scope;
    const match = expected.find((o) => eventMatches(o.Event, event));
    if (!match) return;
    const count = (seen.get(match.Identifier) ?? 0) + 1;
    seen.set(match.Identifier, count);
    const outcomes = actionChain(match.Actions ?? []).map((a) => takeAction(a, context));
    const actions = [...(results.get(match.Identifier)?.Record.Actions ?? []), ...outcomes];
    const times = match.Usage?.Times ?? 1;
    results.set(match.Identifier, {
      ObservationId: match.Identifier,
      Status: actions.every((a) => a.Status === 'PASSED') && count >= times ? 'PASSED' : 'FAILED',
      Timestamp: now(),
      Record: {
        Event: describeEvent(event),
        Actions: actions,
        ...(count < times ? { Detail: `observed ${count} of ${times} times` } : {}),
      },
    });
    if (count >= times) {
      const next = match.Transitions?.NextObservations;
      const index = observations.indexOf(match);
      expected = next
        ? observations.filter((o) => next.includes(o.Identifier))
        : observations.slice(index + 1, index + 2);
    }
    if (outcomes.some((o) => o.endsTest)) finish('stopped by EndTest');
    else if (expected.length === 0) finish('every observation observed');
  }

  const startTime = now();
  observe({ Type: 'TestInitiated' });
  const contact = sandbox.contacts.create({
    instanceId: config.instance.id,
    contactFlowId: idFromArn(test.entryPoint.flowId),
    name: test.initialization.name ?? 'Test customer',
    attributes: { ...test.initialization.attributes },
    segmentAttributes: { 'connect:Subtype': { ValueString: SUBTYPES[test.entryPoint.type] } },
  });
  contactId = contact.id;
  const timer = setTimeout(() => finish('timed out'), options.timeoutMs ?? 60_000);
  const onStop = () => finish('stopped');
  if (options.signal?.aborted) onStop();
  options.signal?.addEventListener('abort', onStop, { once: true });
  void sandbox.runner.run(contactId).then((ending) => {
    observe({ Type: 'TestCompleted', Ending: ending });
    finish(ending);
  });
  const ending = await finished;
  done = true;
  clearTimeout(timer);
  options.signal?.removeEventListener('abort', onStop);
  sandbox.runner.stop(contactId);
  const endTime = now();

  const outcome = observations.map(
    (o): ObservationResult =>
      results.get(o.Identifier) ?? {
        ObservationId: o.Identifier,
        Status: 'FAILED',
        Timestamp: endTime,
        Record: { Actions: [], Detail: `not observed (the flow ${ending})` },
      },
  );
  return {
    Status: outcome.every((o) => o.Status === 'PASSED') ? 'PASSED' : 'FAILED',
    StartTime: startTime,
    EndTime: endTime,
    Observations: outcome,
    FlowEnding: ending,
  };
}
