/**
 * The local contact center's configuration (`config/local/contact-center.json`): one instance with
 * its flows, hours of operation, queues, routing profiles, agents and default entry points. The
 * emulator, the flow runner, the router and the agent desk all read this one validated shape.
 */
import { z } from 'zod';
import { EntryPoint } from '../../backend/entry-points';

const Id = z.string().min(1).max(100);
const Time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'times are HH:MM (00:00 to 24:00)');
const Day = z.enum(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']);

/**
 * An exported flow document (Connect flow language); the flow runner validates the actions in
 * depth.
 */
export const FlowDocument = z.looseObject({
  Version: z.literal('2019-10-30', 'flow Version must be "2019-10-30"'),
  StartAction: z.string().min(1),
  Actions: z
    .array(z.looseObject({ Identifier: z.string().min(1).max(50), Type: z.string().min(1) }))
    .max(250),
});
export type FlowDocument = z.infer<typeof FlowDocument>;

/** A flow of the instance: its id, name, Connect flow type and the file holding its document. */
export const FlowConfig = z.strictObject({
  id: Id,
  name: z.string().min(1).max(256),
  type: z.enum([
    'CONTACT_FLOW',
    'CUSTOMER_QUEUE',
    'CUSTOMER_HOLD',
    'CUSTOMER_WHISPER',
    'AGENT_HOLD',
    'AGENT_WHISPER',
    'OUTBOUND_WHISPER',
    'AGENT_TRANSFER',
    'QUEUE_TRANSFER',
  ]),
  /** Path of the flow JSON, relative to the config folder. */
  file: z.string().min(1),
  description: z.string().max(500).optional(),
});

/**
 * Hours of operation: open intervals per day in one time zone (Check hours of operation reads
 * them).
 */
export const HoursOfOperation = z.strictObject({
  id: Id,
  name: z.string().min(1),
  /** IANA time zone, e.g. America/New_York. */
  timeZone: z.string().min(1),
  config: z.array(z.strictObject({ day: Day, start: Time, end: Time })),
});
export type HoursOfOperation = z.infer<typeof HoursOfOperation>;

/**
 * A queue: its hours and, optionally, how many contacts it holds before Transfer to queue fails
 * (QueueAtCapacity).
 */
export const QueueConfig = z.strictObject({
  id: Id,
  name: z.string().min(1),
  hoursOfOperationId: Id,
  maxContacts: z.number().int().min(1).optional(),
});
export type QueueConfig = z.infer<typeof QueueConfig>;

/** A routing profile: the queues whose contacts an agent with it is offered. */
export const RoutingProfile = z.strictObject({
  id: Id,
  name: z.string().min(1),
  queueIds: z.array(Id).min(1),
});
/** An agent who can sign in at the desk: the name the customer sees and the routing profile. */
export const AgentConfig = z.strictObject({
  id: Id,
  username: z.string().min(1).max(100),
  firstName: z.string().min(1),
  lastName: z.string().min(1),
  routingProfileId: Id,
});
export type AgentConfig = z.infer<typeof AgentConfig>;

/**
 * An entry point as written in the config: instance and flow are filled from the local instance.
 */
export const LocalEntryPoint = EntryPoint.omit({ instanceId: true, contactFlowId: true }).extend({
  contactFlowId: Id.optional(),
});

/**
 * The whole file as written; ring and after-contact-work times default to Connect's usual 20 s and
 * 10 s.
 */
export const LocalConfigFile = z.strictObject({
  instance: z.strictObject({ id: Id, alias: z.string().min(1).max(62), region: z.string().min(1) }),
  flows: z.array(FlowConfig).min(1),
  defaultFlowId: Id,
  hoursOfOperation: z.array(HoursOfOperation),
  queues: z.array(QueueConfig).min(1),
  routingProfiles: z.array(RoutingProfile),
  agents: z.array(AgentConfig),
  ringTimeoutSeconds: z.number().int().min(1).max(600).default(20),
  afterContactWorkSeconds: z.number().int().min(0).max(3600).default(10),
  entryPoints: z.array(LocalEntryPoint).default([]),
});
export type LocalConfigFile = z.infer<typeof LocalConfigFile>;

/** The loaded configuration: each flow carries its parsed document in `content`. */
export type LocalConfig = Omit<LocalConfigFile, 'flows'> & {
  flows: Array<z.infer<typeof FlowConfig> & { content: FlowDocument }>;
  /** The folder the config was read from (flow files are relative to it). */
  dir: string;
};
