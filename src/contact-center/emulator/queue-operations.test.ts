/**
 * Contract: DescribeQueue through the official Connect client — the Queue shape and the modelled
 * errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DescribeQueueCommand } from '@aws-sdk/client-connect';
import { startEmulatorHarness, type EmulatorHarness } from './testing/emulator-harness';
import { awsFailure } from './testing/aws-failure';

let h: EmulatorHarness;
beforeAll(async () => {
  h = await startEmulatorHarness();
});
afterAll(async () => h.close());

describe('DescribeQueue', () => {
  it('returns the configured queue with its name, ARN, hours and status', async () => {
    const support = h.config.queues.find((q) => q.name === 'Support')!;
    const { Queue } = await h.connect.send(
      new DescribeQueueCommand({ InstanceId: h.config.instance.id, QueueId: support.id }),
    );
    expect(Queue).toMatchObject({
      Name: 'Support',
      QueueId: support.id,
      QueueArn: `arn:aws:connect:${h.config.instance.region}:000000000000:instance/${h.config.instance.id}/queue/${support.id}`,
      HoursOfOperationId: support.hoursOfOperationId,
      Status: 'ENABLED',
      Tags: {},
    });
    expect(Queue?.LastModifiedTime).toBeInstanceOf(Date);
  });

  it('answers ResourceNotFoundException for an unknown queue or instance, naming it', async () => {
    expect(
      await awsFailure(
        h.connect.send(
          new DescribeQueueCommand({ InstanceId: h.config.instance.id, QueueId: 'nope' }),
        ),
      ),
    ).toMatchObject({
      name: 'ResourceNotFoundException',
      status: 404,
      message: expect.stringContaining('nope'),
    });
    expect(
      await awsFailure(
        h.connect.send(
          new DescribeQueueCommand({ InstanceId: 'other', QueueId: h.config.queues[0]!.id }),
        ),
      ),
    ).toMatchObject({
      name: 'ResourceNotFoundException',
      status: 404,
      message: expect.stringContaining('other'),
    });
  });

  it('answers InvalidParameterException for an empty queue id', async () => {
    expect(
      await awsFailure(
        h.connect.send(new DescribeQueueCommand({ InstanceId: h.config.instance.id, QueueId: '' })),
      ),
    ).toMatchObject({ name: 'InvalidParameterException', status: 400 });
  });
});
