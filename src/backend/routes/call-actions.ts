/**
 * What the customer can do with a contact it started, authorised by its call token:
 * read where the contact is (DescribeContact), send DTMF (SendMessage audio/dtmf) and hang up
 * (DisconnectParticipant).
 */
import type { FastifyInstance } from 'fastify';
import type { Contact } from '@aws-sdk/client-connect';
import { SendDtmfRequest, type CallStatus } from '../../shared/call-api';
import { verifyCallToken } from './call-token';
import { parseBody, type ApiDeps } from './api-deps';
import { createQueueNames } from './queue-names';

type Params = { Params: { contactId: string } };

/**
 * The actions on a started call, each allowed only to the call's own token: status, DTMF,
 * screen-share messages, end.
 */
export function registerCallActions(app: FastifyInstance, deps: ApiDeps) {
  const secret = deps.security.sessionSecret;
  const queueNames = createQueueNames(deps.gateway, {
    onDenied: (e) =>
      app.log.warn(
        { err: e.message },
        'DescribeQueue is denied: calls show no queue name (allow connect:DescribeQueue)',
      ),
  });

  app.get<Params>('/calls/:contactId', async (req) => {
    const call = await verifyCallToken(req.headers.authorization, req.params.contactId, secret);
    const contact = await deps.gateway.describeContact(call.instanceId, call.contactId);
    const status = callStatus(contact);
    const queueId = contact.QueueInfo?.Id;
    // DescribeContact names only the queue id; the (cached) DescribeQueue gives its name.
    if (queueId) {
      const queueName = await queueNames.name(call.instanceId, queueId);
      if (queueName) status.queueName = queueName;
    }
    return status;
  });

  app.post<Params>('/calls/:contactId/dtmf', async (req) => {
    const call = await verifyCallToken(req.headers.authorization, req.params.contactId, secret);
    const { digits, clientToken } = parseBody(SendDtmfRequest, req.body);
    const sent = await deps.gateway.sendDtmf(call.connectionToken, digits, clientToken);
    return { messageId: sent.id, sentAt: sent.absoluteTime };
  });

  app.post<Params>('/calls/:contactId/end', async (req) => {
    const call = await verifyCallToken(req.headers.authorization, req.params.contactId, secret);
    await deps.gateway.disconnect(call.connectionToken);
    // Pressed End after coming back from a page that went away: nothing is left to end later.
    await deps.deferredEnds?.cancel(call.contactId).catch(() => false);
    return { ended: true };
  });
}

/** Summarises DescribeContact for the widget: the agent's arrival comes from the contact itself. */
export function callStatus(c: Contact): CallStatus {
  const iso = (d?: Date) => (d ? d.toISOString() : undefined);
  const state: CallStatus['state'] = c.DisconnectTimestamp
    ? 'ended'
    : c.AgentInfo?.ConnectedToAgentTimestamp
      ? 'connected'
      : c.QueueInfo?.EnqueueTimestamp
        ? 'queued'
        : 'in-flow';
  const status: CallStatus = { contactId: c.Id ?? '', state };
  if (c.QueueInfo?.EnqueueTimestamp) status.enqueuedAt = iso(c.QueueInfo.EnqueueTimestamp);
  if (c.AgentInfo?.ConnectedToAgentTimestamp)
    status.agentConnectedAt = iso(c.AgentInfo.ConnectedToAgentTimestamp);
  if (c.DisconnectTimestamp) status.endedAt = iso(c.DisconnectTimestamp);
  if (c.DisconnectReason) status.disconnectReason = c.DisconnectReason;
  return status;
}
