/**
 * Queue names for the call status. DescribeContact gives only the queue id; the name comes from
 * DescribeQueue, and since queues are rarely renamed it is kept for a few minutes per queue, so a
 * widget polling its status costs Connect one DescribeQueue per queue and TTL, not one per poll.
 * The name is a nicety: when DescribeQueue is denied (no `connect:DescribeQueue` in the IAM policy)
 * or fails, the status simply has no name.
 */
import type { CallGateway } from './api-deps';

/** How queue names are cached and how a refused DescribeQueue is reported. */
export interface QueueNamesOptions {
  /** How long a looked-up name (or a refusal) is kept. */
  ttlMs?: number;
  /** Most queues remembered; the oldest entry goes first. */
  maxEntries?: number;
  now?: () => number;
  /** Told once per process when DescribeQueue is refused, so the operator can grant the action. */
  onDenied?: (error: Error) => void;
}

/** Queue names for the call status, looked up with DescribeQueue and cached. */
export interface QueueNames {
  /** The queue's name, or undefined when it cannot be known. Never throws. */
  name(instanceId: string, queueId: string): Promise<string | undefined>;
}

/** Errors that will not go away by asking again soon: cached like a name. */
const LASTING = new Set([
  'AccessDeniedException',
  'ResourceNotFoundException',
  'InvalidParameterException',
  'InvalidRequestException',
]);

/**
 * A cache of queue names over `gateway`: names and lasting refusals are kept for a TTL, at most
 * `maxEntries`.
 */
export function createQueueNames(
  gateway: Pick<CallGateway, 'describeQueue'>,
  options: QueueNamesOptions = {},
): QueueNames {
  const ttl = options.ttlMs ?? 5 * 60_000;
  const max = options.maxEntries ?? 1000;
  const now = options.now ?? Date.now;
  type Entry = { until: number; name: Promise<string | undefined> };
  const cache = new Map<string, Entry>();
  let deniedReported = false;

  const lookUp = async (
    key: string,
    entry: Entry,
    instanceId: string,
    queueId: string,
  ): Promise<string | undefined> => {
    try {
      return (await gateway.describeQueue(instanceId, queueId)).Name;
    } catch (error) {
      const e = error as Error;
      if (e.name === 'AccessDeniedException' && !deniedReported) {
        deniedReported = true;
        options.onDenied?.(e);
      }
      // A throttle or an outage: forget the entry so the next status asks again.
      if (!LASTING.has(e.name) && cache.get(key) === entry) cache.delete(key);
      return undefined;
    }
  };

  return {
    name(instanceId, queueId) {
      const key = `${instanceId}/${queueId}`;
      const hit = cache.get(key);
      if (hit && hit.until > now()) return hit.name;
      cache.delete(key);
      if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      // The promise is cached, so concurrent polls share one DescribeQueue.
      const entry: Entry = { until: now() + ttl, name: Promise.resolve(undefined) };
      cache.set(key, entry);
      entry.name = lookUp(key, entry, instanceId, queueId);
      return entry.name;
    },
  };
}
