/**
 * Connect's Testing language (version 2025-06-21), the content of a flow test case: observations,
 * each an event the system is expected to produce and the actions the test takes when it does. The
 * local contact center runs the events and actions below; any other type is refused when the test
 * case is published, naming it.
 */
import { z } from 'zod';

/** The Testing language version the local runner reads. */
export const TESTING_LANGUAGE_VERSION = '2025-06-21';

/** The events the local runner observes. */
export const EVENT_TYPES = [
  'TestInitiated',
  'MessageReceived',
  'FlowActionStarted',
  'TestCompleted',
] as const;
/** The actions the local runner takes. */
export const ACTION_TYPES = [
  'SendInstruction',
  'Assert',
  'OverrideSystemBehavior',
  'EndTest',
] as const;

const text = z.string().min(1);
const properties = z.record(z.string(), z.unknown());

const eventSchema = z.object({
  Identifier: z.string().optional(),
  Type: z.enum(EVENT_TYPES, {
    error: (i) => `event type ${JSON.stringify(i.input)} is not one of ${EVENT_TYPES.join(', ')}`,
  }),
  Actor: z.string().optional(),
  Properties: properties.optional(),
});

const actionSchema = z.object({
  Identifier: text,
  Type: z.enum(ACTION_TYPES, {
    error: (i) => `action type ${JSON.stringify(i.input)} is not one of ${ACTION_TYPES.join(', ')}`,
  }),
  Parameters: properties.optional(),
  Transitions: z.object({ NextAction: z.string().optional() }).optional(),
});

const observationSchema = z.object({
  Identifier: text,
  Event: eventSchema,
  Actions: z.array(actionSchema).optional(),
  Usage: z
    .object({ Type: z.string(), Times: z.coerce.number().int().min(1).optional() })
    .optional(),
  Transitions: z.object({ NextObservations: z.array(z.string()).optional() }).optional(),
});

/**
 * A test case's Content: observations with unique identifiers whose transitions name observations.
 */
export const testContentSchema = z
  .object({
    Version: z.literal(TESTING_LANGUAGE_VERSION, {
      error: `Version must be "${TESTING_LANGUAGE_VERSION}"`,
    }),
    Metadata: z.record(z.string(), z.unknown()).optional(),
    Observations: z.array(observationSchema).min(1, 'a test needs at least one observation'),
  })
  .superRefine((content, ctx) => {
    const ids = new Set<string>();
    for (const o of content.Observations) {
      if (ids.has(o.Identifier))
        ctx.addIssue({ code: 'custom', message: `observation "${o.Identifier}" is defined twice` });
      ids.add(o.Identifier);
    }
    for (const o of content.Observations)
      for (const next of o.Transitions?.NextObservations ?? [])
        if (!ids.has(next))
          ctx.addIssue({
            code: 'custom',
            message: `observation "${o.Identifier}" goes to "${next}", which is not an observation`,
          });
  });

/** Parsed test content and its parts. */
export type TestContent = z.infer<typeof testContentSchema>;
/** One observation of a test case: an event to wait for and the actions to take. */
export type TestObservation = TestContent['Observations'][number];
/** The event an observation waits for. */
export type TestEvent = TestObservation['Event'];
/** An action an observation takes. */
export type TestAction = NonNullable<TestObservation['Actions']>[number];

/**
 * Parses test content (a JSON string, as CreateTestCase takes it, or an object); throws an Error
 * whose message lists every problem with its path.
 */
export function parseTestContent(content: unknown): TestContent {
  let json = content;
  if (typeof content === 'string') {
    try {
      json = JSON.parse(content);
    } catch (error) {
      throw new Error(`Content is not JSON: ${(error as Error).message}`, { cause: error });
    }
  }
  const parsed = testContentSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new Error(
    parsed.error.issues
      .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
      .join('; '),
  );
}
