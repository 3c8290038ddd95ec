/**
 * Whether what the system did matches an observation's event: a message by its text (Connect's
 * semantic Similarity is approximated by word overlap; Inclusion is containment), a flow action by
 * its type and the parameters the test names.
 */
import type { FlowAction } from '../flows/flow-document';
import type { FlowScope } from '../flows/flow-references';
import { idFromArn } from '../routing/center-directory';
import type { TestEvent } from './testing-language';

/** One thing the system did during the test, in the order it happened. */
export type ObservedEvent =
  | { Type: 'TestInitiated' }
  | { Type: 'MessageReceived'; Text: string; SSML: boolean }
  | { Type: 'FlowActionStarted'; Action: FlowAction; Scope: FlowScope }
  | { Type: 'TestCompleted'; Ending: string };

/** Two texts this close or closer (0–1, word overlap) are the same message under Similarity. */
const SIMILARITY_THRESHOLD = 0.8;

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Dice coefficient of the two texts' words: 1 for the same words, 0 for none in common. */
export function textSimilarity(a: string, b: string): number {
  const left = words(a);
  const right = words(b);
  if (left.length === 0 && right.length === 0) return 1;
  const pool = [...right];
  let shared = 0;
  for (const w of left) {
    const i = pool.indexOf(w);
    if (i >= 0) {
      shared++;
      pool.splice(i, 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

function messageMatches(expected: Record<string, unknown>, said: string): boolean {
  const wanted = expected.Text ?? expected.SSML;
  if (typeof wanted !== 'string') return true;
  if (expected.MatchingCriteria === 'Inclusion')
    return words(said).join(' ').includes(words(wanted).join(' '));
  return textSimilarity(said, wanted) >= SIMILARITY_THRESHOLD;
}

/** A parameter value as the flow wrote it, with ARNs compared by their resource id. */
const comparable = (value: unknown): string =>
  typeof value === 'string' ? idFromArn(value) : JSON.stringify(value);

function actionMatches(expected: Record<string, unknown>, action: FlowAction): boolean {
  if (expected.ActionType !== undefined && expected.ActionType !== action.Type) return false;
  const parameters = (expected.ActionParameters ?? {}) as Record<string, unknown>;
  return Object.entries(parameters).every(
    ([name, value]) => comparable(action.Parameters[name]) === comparable(value),
  );
}

/** True when `observed` is the event `expected` describes. */
export function eventMatches(expected: TestEvent, observed: ObservedEvent): boolean {
  if (expected.Type !== observed.Type) return false;
  const properties = expected.Properties ?? {};
  if (observed.Type === 'MessageReceived') return messageMatches(properties, observed.Text);
  if (observed.Type === 'FlowActionStarted') return actionMatches(properties, observed.Action);
  return true;
}

/** The event as a test record shows it (no scope, which holds the whole contact). */
export function describeEvent(observed: ObservedEvent): Record<string, unknown> {
  if (observed.Type === 'MessageReceived') return { Type: observed.Type, Text: observed.Text };
  if (observed.Type === 'FlowActionStarted')
    return {
      Type: observed.Type,
      ActionType: observed.Action.Type,
      ActionIdentifier: observed.Action.Identifier,
    };
  return { ...observed };
}
