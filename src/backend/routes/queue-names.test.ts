import { describe, expect, it } from 'vitest';
import type { Queue } from '@aws-sdk/client-connect';
import { createQueueNames } from './queue-names';

/** A DescribeQueue stand-in: answers from a script of results, counting the calls. */
function gateway(...results: Array<Queue | Error>) {
  const asked: string[] = [];
  return {
    asked,
    async describeQueue(_instanceId: string, queueId: string): Promise<Queue> {
      asked.push(queueId);
      const r = results.shift() ?? new Error('no more answers');
      if (r instanceof Error) throw r;
      return r;
    },
  };
}
const awsError = (name: string) => Object.assign(new Error(`${name} from Connect`), { name });

describe('queue names', () => {
  it('asks DescribeQueue once per queue within the TTL, and again after it', async () => {
    let t = 0;
    const g = gateway({ Name: 'Support' }, { Name: 'Support desk' });
    const names = createQueueNames(g, { ttlMs: 1000, now: () => t });
    expect(await Promise.all([names.name('i', 'q'), names.name('i', 'q')])).toEqual([
      'Support',
      'Support',
    ]);
    t = 999;
    expect(await names.name('i', 'q')).toBe('Support');
    expect(g.asked).toEqual(['q']);
    t = 1001;
    expect(await names.name('i', 'q')).toBe('Support desk');
    expect(g.asked).toEqual(['q', 'q']);
  });

  it('degrades to no name when DescribeQueue is denied, reports it once, and does not ask again within the TTL', async () => {
    const denied: string[] = [];
    const g = gateway(awsError('AccessDeniedException'), awsError('AccessDeniedException'));
    const names = createQueueNames(g, { onDenied: (e) => denied.push(e.name) });
    expect(await names.name('i', 'q1')).toBeUndefined();
    expect(await names.name('i', 'q1')).toBeUndefined();
    expect(await names.name('i', 'q2')).toBeUndefined();
    expect(g.asked).toEqual(['q1', 'q2']);
    expect(denied).toEqual(['AccessDeniedException']);
  });

  it('asks again after a throttle or an outage instead of keeping the failure', async () => {
    const g = gateway(awsError('ThrottlingException'), { Name: 'Sales' });
    const names = createQueueNames(g);
    expect(await names.name('i', 'q')).toBeUndefined();
    expect(await names.name('i', 'q')).toBe('Sales');
  });

  it('keeps at most maxEntries queues', async () => {
    const g = gateway({ Name: 'A' }, { Name: 'B' }, { Name: 'A again' });
    const names = createQueueNames(g, { maxEntries: 1 });
    await names.name('i', 'a');
    await names.name('i', 'b');
    expect(await names.name('i', 'a')).toBe('A again');
  });
});
