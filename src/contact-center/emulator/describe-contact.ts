/**
 * Maps a local contact record to Connect's `Contact` (DescribeContact) as a real WebRTC contact
 * looks: Channel VOICE, InitiationMethod WEBRTC_API, the subtype segment attribute, capabilities
 * per party, queue and agent info, each side's DeviceInfo and (while the call lasts) audio
 * QualityMetrics, and every timestamp in epoch seconds.
 */
import type { ContactRecord } from '../contacts/contact-record';
import { callHealthOf } from '../contacts/contact-quality';
import { epochSeconds, instanceArn, type EmulatorDeps } from './emulator-context';

function agentInfo(deps: EmulatorDeps, c: ContactRecord): Record<string, unknown> | undefined {
  if (!c.agent) return undefined;
  const a = c.agent;
  const transitions: Array<{
    State: string;
    StateStartTimestamp?: number;
    StateEndTimestamp?: number;
  }> = [];
  if (a.ringStartedAt !== undefined)
    transitions.push({
      State: 'INITIAL',
      StateStartTimestamp: epochSeconds(a.ringStartedAt),
      StateEndTimestamp: epochSeconds(a.connectedAt ?? c.disconnectedAt),
    });
  if (a.connectedAt !== undefined)
    transitions.push({
      State: 'CONNECTED',
      StateStartTimestamp: epochSeconds(a.connectedAt),
      StateEndTimestamp: epochSeconds(c.disconnectedAt),
    });
  if (c.disconnectedAt !== undefined)
    transitions.push({
      State: a.connectedAt === undefined ? 'MISSED' : 'DISCONNECTED',
      StateStartTimestamp: epochSeconds(c.disconnectedAt),
    });
  const acw =
    a.afterContactWorkStartedAt !== undefined && a.afterContactWorkEndedAt !== undefined
      ? Math.round((a.afterContactWorkEndedAt - a.afterContactWorkStartedAt) / 1000)
      : undefined;
  return {
    Id: a.id,
    Arn: `${instanceArn(deps.config)}/agent/${a.id}`,
    AcceptedByAgentTimestamp: epochSeconds(a.acceptedAt),
    ConnectedToAgentTimestamp: epochSeconds(a.connectedAt),
    AfterContactWorkStartTimestamp: epochSeconds(a.afterContactWorkStartedAt),
    AfterContactWorkEndTimestamp: epochSeconds(a.afterContactWorkEndedAt),
    AfterContactWorkDuration: acw,
    Capabilities: c.allowedCapabilities.Agent ?? {},
    ...(c.agentParticipant?.deviceInfo ? { DeviceInfo: c.agentParticipant.deviceInfo } : {}),
    StateTransitions: transitions,
  };
}

/** The DescribeContact `Contact` for a record. */
export function describeContact(deps: EmulatorDeps, c: ContactRecord): Record<string, unknown> {
  const health = callHealthOf(deps.media, c);
  return {
    Arn: `${instanceArn(deps.config)}/contact/${c.id}`,
    Id: c.id,
    InitialContactId: c.initialContactId,
    PreviousContactId: c.initialContactId,
    RelatedContactId: c.relatedContactId,
    InitiationMethod: 'WEBRTC_API',
    Channel: 'VOICE',
    Name: c.name,
    Description: c.description,
    QueueInfo: c.queue
      ? { Id: c.queue.id, EnqueueTimestamp: epochSeconds(c.queue.enqueuedAt) }
      : undefined,
    AgentInfo: agentInfo(deps, c),
    InitiationTimestamp: epochSeconds(c.initiatedAt),
    ConnectedToSystemTimestamp: epochSeconds(c.connectedToSystemAt),
    RingStartTimestamp: epochSeconds(c.agent?.ringStartedAt),
    DisconnectTimestamp: epochSeconds(c.disconnectedAt),
    LastUpdateTimestamp: epochSeconds(c.lastUpdatedAt),
    DisconnectReason: c.disconnectReason,
    Customer: {
      ...(health.customerDevice ? { DeviceInfo: health.customerDevice } : {}),
      Capabilities: c.allowedCapabilities.Customer ?? {},
    },
    QualityMetrics: health.quality,
    Attributes: c.attributes,
    SegmentAttributes: c.segmentAttributes,
  };
}
