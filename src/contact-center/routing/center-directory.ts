/**
 * The parts of the local contact-center configuration that the flow runner, the router and the desk
 * read: queues, hours, routing profiles, agents and flows. Declared structurally (the emulator's
 * LocalConfig satisfies it) so these parts do not depend on how the config file is loaded.
 */

export interface HoursOfOperationSetup {
  id: string;
  name: string;
  timeZone: string;
  config: Array<{ day: string; start: string; end: string }>;
}

/** A queue as configured. */
export interface QueueSetup {
  id: string;
  name: string;
  hoursOfOperationId?: string;
  /**
   * Optional capacity: TransferContactToQueue takes its QueueAtCapacity branch when this many wait.
   */
  maxContacts?: number;
}

/** An agent as configured. */
export interface AgentSetup {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
  routingProfileId: string;
}

/** A flow as configured. */
export interface FlowSetup {
  id: string;
  name: string;
  /** The exported flow JSON (parsed), as loadLocalConfig puts it. */
  content?: unknown;
}

/** The whole local contact center as configured: instance, queues, agents, flows, hours. */
export interface CenterSetup {
  instance: { id: string; region: string };
  flows: FlowSetup[];
  hoursOfOperation: HoursOfOperationSetup[];
  queues: QueueSetup[];
  routingProfiles: Array<{ id: string; name: string; queueIds: string[] }>;
  agents: AgentSetup[];
  ringTimeoutSeconds: number;
  afterContactWorkSeconds: number;
}

/** The last path segment of an ARN (`arn:…:instance/i/queue/q` → `q`), or the id itself. */
export function idFromArn(idOrArn: string): string {
  const parts = idOrArn.split('/');
  return parts[parts.length - 1] ?? idOrArn;
}

/** Lookups over the configuration by id or ARN. */
export class CenterDirectory {
  constructor(readonly setup: CenterSetup) {}

  queue(idOrArn: string): QueueSetup | undefined {
    const id = idFromArn(idOrArn);
    return this.setup.queues.find((q) => q.id === id);
  }

  agent(idOrArn: string): AgentSetup | undefined {
    const id = idFromArn(idOrArn);
    return this.setup.agents.find((a) => a.id === id || a.username === idOrArn);
  }

  hours(idOrArn: string): HoursOfOperationSetup | undefined {
    const id = idFromArn(idOrArn);
    return this.setup.hoursOfOperation.find((h) => h.id === id);
  }

  flow(idOrArn: string): FlowSetup | undefined {
    const id = idFromArn(idOrArn);
    return this.setup.flows.find((f) => f.id === id);
  }

  /** The queue ids an agent's routing profile serves. */
  queueIdsOf(agentId: string): string[] {
    const agent = this.agent(agentId);
    const profile = this.setup.routingProfiles.find((p) => p.id === agent?.routingProfileId);
    return profile?.queueIds ?? [];
  }

  queueArn(queueId: string): string {
    return `arn:aws:connect:${this.setup.instance.region}:000000000000:instance/${this.setup.instance.id}/queue/${queueId}`;
  }

  agentName(agentId: string): string {
    const agent = this.agent(agentId);
    return agent ? `${agent.firstName} ${agent.lastName}` : agentId;
  }
}
