/**
 * Transition conditions of the flow language: the first condition whose operator holds for the
 * action's result wins. Number operators compare numerically and are false for non-numbers.
 */
import type { FlowTransitions } from './flow-document';
import { interpolate, type FlowScope } from './flow-references';

/**
 * Whether `value` stands in the relation `operator` (Connect's condition operators) to `operand`.
 */
export function conditionHolds(operator: string, value: string, operand: string): boolean {
  const a = Number(value);
  const b = Number(operand);
  const numeric =
    value.trim() !== '' && operand.trim() !== '' && Number.isFinite(a) && Number.isFinite(b);
  switch (operator) {
    case 'Equals':
      return value === operand;
    case 'TextStartsWith':
      return value.startsWith(operand);
    case 'TextEndsWith':
      return value.endsWith(operand);
    case 'TextContains':
      return value.includes(operand);
    case 'NumberGreaterThan':
    case 'NumericGreaterThan':
      return numeric && a > b;
    case 'NumberGreaterOrEqualTo':
      return numeric && a >= b;
    case 'NumberLessThan':
    case 'NumericLessThan':
      return numeric && a < b;
    case 'NumberLessOrEqualTo':
      return numeric && a <= b;
    default:
      return false;
  }
}

/** The NextAction of the first matching condition, or undefined when none matches. */
export function matchCondition(
  transitions: FlowTransitions,
  value: string,
  scope: FlowScope,
): string | undefined {
  for (const c of transitions.Conditions ?? []) {
    const operand = interpolate(c.Condition.Operands[0] ?? '', scope);
    if (conditionHolds(c.Condition.Operator, value, operand)) return c.NextAction;
  }
  return undefined;
}

/**
 * The branch for an error: the specific ErrorType, else NoMatchingError; undefined ends the flow.
 */
export function errorBranch(transitions: FlowTransitions, errorType: string): string | undefined {
  const errors = transitions.Errors ?? [];
  return (
    errors.find((e) => e.ErrorType === errorType) ??
    errors.find((e) => e.ErrorType === 'NoMatchingError')
  )?.NextAction;
}
