/**
 * Flow actions that read or change the contact: attributes, Compare, hours, the working queue and
 * the transfer to it, recording behavior, event hooks, contact data and the flow-scoped helpers.
 */
import { isWithinHours } from './hours-of-operation';
import { interpolate, resolveReference, resolveValue } from './flow-references';
import { fail, next, param, type ActionHandler } from './flow-execution';

const ATTRIBUTE_BUDGET_BYTES = 32_768;
const EVENT_HOOKS = [
  'AgentHold',
  'AgentWhisper',
  'CustomerHold',
  'CustomerQueue',
  'CustomerRemaining',
  'CustomerWhisper',
  'DefaultAgentUI',
  'DisconnectAgentUI',
  'PauseContact',
  'ResumeContact',
];

/**
 * Set contact attributes: merges interpolated values into the current or related contact, within
 * Connect's 32 KB.
 */
export const updateContactAttributes: ActionHandler = (action, run, services) => {
  const attrs = action.Parameters.Attributes;
  if (!attrs || typeof attrs !== 'object') return fail('Attributes must be an object');
  const target = param(action, 'TargetContact') ?? 'Current';
  const contact = services.contacts.get(run.contactId);
  const targetId = target === 'Related' ? contact?.relatedContactId : run.contactId;
  if (!targetId || !services.contacts.get(targetId))
    return fail(`there is no ${target.toLowerCase()} contact to update`);
  const scope = run.scope();
  const values: Record<string, string> = {};
  for (const [key, raw] of Object.entries(attrs as Record<string, unknown>)) {
    if (typeof raw !== 'string') return fail(`attribute "${key}" must be a string`);
    values[interpolate(key, scope)] = interpolate(raw, scope);
  }
  const merged = { ...services.contacts.get(targetId)?.attributes, ...values };
  const bytes = Object.entries(merged).reduce(
    (n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v),
    0,
  );
  if (bytes > ATTRIBUTE_BUDGET_BYTES)
    return fail(`attributes would exceed ${ATTRIBUTE_BUDGET_BYTES} bytes`);
  services.contacts.transition(targetId, { kind: 'attributes-set', attributes: values });
  return next();
};

/** Set flow attributes: values that live only for this flow run (`$.FlowAttributes`). */
export const updateFlowAttributes: ActionHandler = (action, run) => {
  const attrs = (action.Parameters.FlowAttributes ?? {}) as Record<string, unknown>;
  for (const [key, raw] of Object.entries(attrs)) {
    const value = typeof raw === 'string' ? raw : (raw as { Value?: unknown } | null)?.Value;
    if (typeof value === 'string') run.flowAttributes[key] = interpolate(value, run.scope());
  }
  return next();
};

/** Check contact attributes: yields the referenced value, for the block's conditions to match. */
export const compare: ActionHandler = (action, run) => {
  const path = param(action, 'ComparisonValue');
  if (path === undefined) return fail('ComparisonValue is required', 'NoMatchingCondition');
  const value = path.startsWith('$') ? resolveReference(path, run.scope()) : path;
  return value === undefined
    ? fail(`${path} has no value`, 'NoMatchingCondition')
    : { kind: 'result', value };
};

/**
 * Check hours of operation: `True`/`False` for the given hours, or the working queue's, at the
 * runner's clock.
 */
export const checkHoursOfOperation: ActionHandler = (action, run, services) => {
  const given = param(action, 'HoursOfOperationId');
  const hoursId =
    given !== undefined
      ? resolveValue(given, run.scope())
      : run.targetQueue && services.directory.queue(run.targetQueue.queueId)?.hoursOfOperationId;
  const hours = hoursId ? services.directory.hours(hoursId) : undefined;
  if (!hours)
    return fail(
      given
        ? `hours of operation "${given}" do not exist`
        : 'no HoursOfOperationId and no working queue with hours',
    );
  try {
    return {
      kind: 'result',
      value: isWithinHours(hours, new Date(services.now())) ? 'True' : 'False',
    };
  } catch (error) {
    return fail(`hours of operation "${hours.name}": ${(error as Error).message}`);
  }
};

/**
 * Set working queue: a queue, or an agent's own queue (`agent/<id>`), for a later Transfer to
 * queue.
 */
export const updateContactTargetQueue: ActionHandler = (action, run, services) => {
  const queueParam = param(action, 'QueueId');
  const agentParam = param(action, 'AgentId');
  if ((queueParam === undefined) === (agentParam === undefined))
    return fail('exactly one of QueueId or AgentId is required');
  const ref = resolveValue((queueParam ?? agentParam) as string, run.scope());
  if (queueParam !== undefined) {
    const queue = ref ? services.directory.queue(ref) : undefined;
    if (!queue) return fail(`queue "${queueParam}" does not exist`);
    run.targetQueue = { queueId: queue.id };
  } else {
    const agent = ref ? services.directory.agent(ref) : undefined;
    if (!agent) return fail(`agent "${agentParam}" does not exist`);
    run.targetQueue = { queueId: `agent/${agent.id}`, agentId: agent.id };
  }
  return next();
};

/** Transfer to queue: enqueues the contact in the working queue and ends the flow run there. */
export const transferContactToQueue: ActionHandler = (_action, run, services) => {
  if (!run.targetQueue) return fail('no working queue is set (use Set working queue first)');
  if (!services.queues.enqueue(run.contactId, run.targetQueue))
    return fail('the queue is at capacity', 'QueueAtCapacity');
  return { kind: 'stop', ending: 'queued' };
};

/**
 * Set recording and analytics behavior: kept on the contact as given (the local center records
 * nothing).
 */
export const updateContactRecordingBehavior: ActionHandler = (action, run, services) => {
  const { RecordingBehavior, AnalyticsBehavior, VoiceBehavior, ScreenRecordingBehavior } =
    action.Parameters;
  const recordingBehavior = {
    type: action.Type,
    RecordingBehavior,
    AnalyticsBehavior,
    VoiceBehavior,
    ScreenRecordingBehavior,
  };
  services.contacts.transition(run.contactId, {
    kind: 'flow-data-set',
    data: { recordingBehavior },
  });
  return next();
};

/** Set event flow (customer queue, whisper, hold…): one hook per block, a flow id or ARN. */
export const updateContactEventHooks: ActionHandler = (action, run, services) => {
  const hooks = action.Parameters.EventHooks as Record<string, unknown> | undefined;
  const entries = Object.entries(hooks ?? {});
  if (entries.length !== 1) return fail('EventHooks must have exactly one entry');
  const [hook, raw] = entries[0] as [string, unknown];
  if (!EVENT_HOOKS.includes(hook)) return fail(`unknown event hook "${hook}"`);
  const value = typeof raw === 'string' ? resolveValue(raw, run.scope()) : undefined;
  if (!value) return fail(`event hook "${hook}" needs a flow id or ARN`);
  services.contacts.transition(run.contactId, {
    kind: 'flow-data-set',
    data: { eventHooks: { [hook]: value } },
  });
  return next();
};

/** Set contact attributes of the contact itself: name, description and language code. */
export const updateContactData: ActionHandler = (action, run, services) => {
  const scope = run.scope();
  const name = param(action, 'Name');
  const description = param(action, 'Description');
  const given = param(action, 'LanguageCode');
  const language = given === undefined ? undefined : resolveValue(given, scope);
  if (given !== undefined && !(language && /^[a-z]{2,3}-[A-Z]{2}$/.test(language)))
    return fail(`LanguageCode "${given}" is not a language code like en-US`);
  services.contacts.transition(run.contactId, {
    kind: 'flow-data-set',
    data: {
      ...(name !== undefined ? { name: interpolate(name, scope) } : {}),
      ...(description !== undefined ? { description: interpolate(description, scope) } : {}),
      ...(language !== undefined ? { languageCode: language } : {}),
    },
  });
  return next();
};

/**
 * Loop: `ContinueLooping` LoopCount times (0 to 100) per block, then `DoneLooping` and the count
 * resets.
 */
export const loop: ActionHandler = (action, run) => {
  const count = Number(param(action, 'LoopCount') ?? '0');
  const done = run.loops.get(action.Identifier) ?? 0;
  if (!Number.isInteger(count) || count < 0 || count > 100) return fail('LoopCount must be 0-100');
  if (done >= count) {
    run.loops.delete(action.Identifier);
    return { kind: 'result', value: 'DoneLooping' };
  }
  run.loops.set(action.Identifier, done + 1);
  return { kind: 'result', value: 'ContinueLooping' };
};

/**
 * Distribute by percentage: a uniform draw of 1 to 100, matched by the block's percentage
 * conditions.
 */
export const distributeByPercentage: ActionHandler = () => ({
  kind: 'result',
  value: String(1 + Math.floor(Math.random() * 100)),
});

/** Transfer to flow: continues in another flow of the instance. */
export const transferToFlow: ActionHandler = (action, run, services) => {
  const ref = param(action, 'ContactFlowId');
  const id = ref ? resolveValue(ref, run.scope()) : undefined;
  const flow = id ? services.directory.flow(id) : undefined;
  return flow ? { kind: 'jump', flowId: flow.id } : fail(`flow "${ref}" does not exist`);
};
