/**
 * An exported Amazon Connect flow (flow language `Version` 2019-10-30), validated once when loaded
 * so the runner can trust its shape. Actions live in a Map: identifiers are arbitrary strings and
 * may collide with JS prototype names.
 */
import { z } from 'zod';

const Condition = z.object({
  NextAction: z.string(),
  Condition: z.object({ Operator: z.string(), Operands: z.array(z.string()).min(1) }),
});

const Transitions = z.object({
  NextAction: z.string().optional(),
  Errors: z.array(z.object({ ErrorType: z.string(), NextAction: z.string() })).optional(),
  Conditions: z.array(Condition).optional(),
});

const Action = z.object({
  Identifier: z.string().min(1).max(50),
  Type: z.string().min(1),
  Parameters: z.record(z.string(), z.unknown()).default({}),
  Transitions: Transitions.default({}),
});

const Document = z.object({
  Version: z.literal('2019-10-30'),
  StartAction: z.string().min(1),
  Metadata: z.unknown().optional(),
  Actions: z.array(Action).min(1).max(250),
});

/** One action (block) of a flow. */
export type FlowAction = z.infer<typeof Action>;
/** An action's transitions: next action, conditions and errors. */
export type FlowTransitions = z.infer<typeof Transitions>;

/** A flow in the Amazon Connect flow language. */
export interface FlowDocument {
  startAction: string;
  actions: Map<string, FlowAction>;
}

const FORBIDDEN = /[%:(\\/)=$,;[\]{}]/;

/** Parses an exported flow (object or JSON string); throws an Error naming what is wrong. */
export function parseFlowDocument(content: unknown, flowName = 'flow'): FlowDocument {
  const raw = typeof content === 'string' ? (JSON.parse(content) as unknown) : content;
  const parsed = Document.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `Invalid flow "${flowName}": ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
    );
  }
  const actions = new Map<string, FlowAction>();
  for (const action of parsed.data.Actions) {
    if (FORBIDDEN.test(action.Identifier))
      throw new Error(
        `Invalid flow "${flowName}": identifier "${action.Identifier}" has a forbidden character`,
      );
    if (actions.has(action.Identifier))
      throw new Error(`Invalid flow "${flowName}": duplicate identifier "${action.Identifier}"`);
    actions.set(action.Identifier, action);
  }
  const targets = [parsed.data.StartAction];
  for (const action of actions.values()) {
    const t = action.Transitions;
    if (t.NextAction) targets.push(t.NextAction);
    for (const e of t.Errors ?? []) targets.push(e.NextAction);
    for (const c of t.Conditions ?? []) targets.push(c.NextAction);
  }
  const missing = targets.find((id) => !actions.has(id));
  if (missing)
    throw new Error(`Invalid flow "${flowName}": transition to unknown action "${missing}"`);
  return { startAction: parsed.data.StartAction, actions };
}
