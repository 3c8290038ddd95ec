/**
 * DescribeQueue (`GET /queues/{InstanceId}/{QueueId}`), answered from the local configuration in
 * the shape of Connect's `Queue`: name, ARN, id, hours of operation, capacity and status. A queue
 * is found by its id only (as in Connect, the label is an id, not an ARN).
 */
import { connectError } from './aws-error';
import { epochSeconds, instanceArn, type Operation } from './emulator-context';
import { requireInstance } from './start-webrtc-contact';

/** DescribeQueue. */
export const describeQueue: Operation = (deps, req) => {
  const queueId = req.labels.QueueId ?? '';
  requireInstance(deps, req.labels.InstanceId ?? '');
  if (queueId === '') throw connectError.invalidParameter('QueueId must not be empty');
  // Agent queues (`agent/<id>`) are left to ListQueues in Connect; the emulator does not describe
  // them.
  const queue = deps.config.queues.find((q) => q.id === queueId);
  if (!queue)
    throw connectError.notFound(
      `Queue ${queueId} does not exist in instance ${deps.config.instance.id}`,
    );
  return {
    Queue: {
      Name: queue.name,
      QueueArn: `${instanceArn(deps.config)}/queue/${queue.id}`,
      QueueId: queue.id,
      HoursOfOperationId: queue.hoursOfOperationId,
      ...(queue.maxContacts !== undefined ? { MaxContacts: queue.maxContacts } : {}),
      Status: 'ENABLED',
      Tags: {},
      LastModifiedTime: epochSeconds(deps.configLoadedAt),
      LastModifiedRegion: deps.config.instance.region,
    },
  };
};
