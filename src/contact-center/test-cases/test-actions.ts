/**
 * The actions a test takes when an observation matches: the customer keys digits (SendInstruction),
 * a value of the contact is checked (Assert), the system is told to behave otherwise
 * (OverrideSystemBehavior: hours of operation substituted), or the test ends (EndTest).
 */
import type { LocalConfig } from '../config/local-config-schema';
import { conditionHolds } from '../flows/flow-conditions';
import { resolveReference, type FlowScope } from '../flows/flow-references';
import { idFromArn } from '../routing/center-directory';
import type { TestAction } from './testing-language';

/** What the running test offers its actions. */
export interface ActionContext {
  config: LocalConfig;
  /** The entry point's channel: DTMF needs a voice or WebRTC contact. */
  channel: 'VOICE' | 'CHAT';
  /** Keys digits as the customer; false when the system dropped them (no input waiting). */
  keyDigits(digits: string): boolean;
  /** What the flow can read now; undefined before the flow's first action. */
  scope(): FlowScope | undefined;
  /** Hours of operation `from` (undefined: every check) are read as `to`. */
  substituteHours(from: string | undefined, to: string): void;
}

/** What one action did, as the execution record shows it. */
export interface ActionOutcome {
  Identifier: string;
  Type: string;
  Status: 'PASSED' | 'FAILED';
  /** Why it failed, or a note on what happened. */
  Detail?: string;
  endsTest?: boolean;
}

const passed = (action: TestAction, detail?: string): ActionOutcome => ({
  Identifier: action.Identifier,
  Type: action.Type,
  Status: 'PASSED',
  ...(detail ? { Detail: detail } : {}),
});
const failed = (action: TestAction, detail: string): ActionOutcome => ({
  Identifier: action.Identifier,
  Type: action.Type,
  Status: 'FAILED',
  Detail: detail,
});

function sendInstruction(action: TestAction, ctx: ActionContext): ActionOutcome {
  const instruction = (action.Parameters?.Instruction ?? {}) as {
    Type?: string;
    Properties?: { Value?: unknown };
  };
  if (instruction.Type !== 'DtmfInput')
    return failed(action, `instruction ${instruction.Type ?? '(none)'} is not supported locally`);
  if (ctx.channel === 'CHAT') return failed(action, 'DTMF input needs a voice or WebRTC contact');
  const value = instruction.Properties?.Value;
  const digits = typeof value === 'number' ? String(value) : value;
  if (typeof digits !== 'string' || !/^[0-9*#]+$/.test(digits))
    return failed(action, 'DtmfInput Value must be digits, * or #');
  return ctx.keyDigits(digits)
    ? passed(action)
    : passed(
        action,
        `keys ${digits} dropped: no input was waiting and touchtones are not buffered`,
      );
}

function assertValue(action: TestAction, ctx: ActionContext): ActionOutcome {
  const { Namespace, Operator, Operand } = (action.Parameters ?? {}) as Record<string, unknown>;
  if (typeof Namespace !== 'string' || typeof Operator !== 'string')
    return failed(action, 'Assert needs Namespace and Operator');
  const scope = ctx.scope();
  const actual = scope ? resolveReference(Namespace, scope) : undefined;
  if (Operator === 'Exists')
    return actual !== undefined ? passed(action) : failed(action, `${Namespace} does not exist`);
  const expected = typeof Operand === 'number' ? String(Operand) : Operand;
  if (typeof expected !== 'string') return failed(action, `Operator ${Operator} needs an Operand`);
  if (actual === undefined) return failed(action, `${Namespace} does not exist`);
  return conditionHolds(Operator, actual, expected)
    ? passed(action)
    : failed(action, `${Namespace} is ${JSON.stringify(actual)}, not ${Operator} ${expected}`);
}

function overrideSystemBehavior(action: TestAction, ctx: ActionContext): ActionOutcome {
  const behavior = (action.Parameters?.Behavior ?? {}) as {
    Type?: string;
    Properties?: {
      ActionType?: string;
      ActionParameters?: { HoursOfOperationId?: string };
      Strategy?: { Type?: string; SubstituteArn?: string };
    };
  };
  const p = behavior.Properties ?? {};
  if (
    behavior.Type !== 'FlowAction' ||
    p.ActionType !== 'CheckHoursOfOperation' ||
    p.Strategy?.Type !== 'SubstituteResource'
  )
    return failed(
      action,
      'only FlowAction CheckHoursOfOperation with the SubstituteResource strategy is supported locally',
    );
  const substitute = p.Strategy.SubstituteArn;
  if (!substitute || !ctx.config.hoursOfOperation.some((h) => h.id === idFromArn(substitute)))
    return failed(action, `hours of operation ${substitute ?? '(none)'} do not exist`);
  ctx.substituteHours(p.ActionParameters?.HoursOfOperationId, substitute);
  return passed(action);
}

/** Takes one action; never throws. */
export function takeAction(action: TestAction, ctx: ActionContext): ActionOutcome {
  switch (action.Type) {
    case 'SendInstruction':
      return sendInstruction(action, ctx);
    case 'Assert':
      return assertValue(action, ctx);
    case 'OverrideSystemBehavior':
      return overrideSystemBehavior(action, ctx);
    case 'EndTest':
      return { ...passed(action), endsTest: true };
  }
}
