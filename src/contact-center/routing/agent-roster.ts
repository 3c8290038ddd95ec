/**
 * The agents' live states (in memory: after a restart every agent signs in again). An agent is
 * routable only when AVAILABLE; `idleSince` orders them so the longest-idle agent rings first.
 */
import { EventEmitter } from 'node:events';
import type { Clock } from '../clock';
import type { CenterDirectory } from './center-directory';
import { DeskError } from './desk-error';

/** An agent's routing status. */
export type AgentStatus =
  'OFFLINE' | 'AVAILABLE' | 'RINGING' | 'ON_CONTACT' | 'AFTER_CONTACT_WORK' | 'MISSED';

/** One agent's status and the contact they are offered or on. */
export interface AgentState {
  id: string;
  username: string;
  name: string;
  status: AgentStatus;
  statusSince: number;
  /** When the agent last became free for a new contact. */
  idleSince: number;
  /** The contact ringing, connected or in after-contact work. */
  contactId?: string;
}

/** The local agents and their statuses: who is available, ringing, on a contact. */
export class AgentRoster {
  readonly events = new EventEmitter<{ changed: [AgentState] }>();
  private readonly agents = new Map<string, AgentState>();

  constructor(
    private readonly directory: CenterDirectory,
    private readonly now: Clock,
  ) {
    for (const a of directory.setup.agents) {
      this.agents.set(a.id, {
        id: a.id,
        username: a.username,
        name: `${a.firstName} ${a.lastName}`,
        status: 'OFFLINE',
        statusSince: now(),
        idleSince: now(),
      });
    }
  }

  /** The agent's state; throws ResourceNotFoundException for an unknown id. */
  get(agentId: string): AgentState {
    const agent = this.agents.get(agentId);
    if (!agent)
      throw new DeskError(
        'ResourceNotFoundException',
        `Agent ${agentId} does not exist in this instance`,
      );
    return { ...agent };
  }

  list(): AgentState[] {
    return [...this.agents.values()].map((a) => ({ ...a }));
  }

  /** Changes an agent's state and announces it. */
  set(
    agentId: string,
    status: AgentStatus,
    change: { contactId?: string | undefined; idle?: boolean } = {},
  ): AgentState {
    const agent = this.agents.get(agentId);
    if (!agent)
      throw new DeskError(
        'ResourceNotFoundException',
        `Agent ${agentId} does not exist in this instance`,
      );
    const at = this.now();
    if (agent.status !== status) agent.statusSince = at;
    agent.status = status;
    if ('contactId' in change) agent.contactId = change.contactId;
    if (change.idle) agent.idleSince = at;
    this.events.emit('changed', { ...agent });
    return { ...agent };
  }

  /**
   * Available agents who may take a contact of `queueId` (or only `agentId`), longest idle first.
   */
  candidates(queueId: string, agentId: string | undefined, exclude: string[]): AgentState[] {
    return [...this.agents.values()]
      .filter((a) => a.status === 'AVAILABLE' && !exclude.includes(a.id))
      .filter((a) =>
        agentId ? a.id === agentId : this.directory.queueIdsOf(a.id).includes(queueId),
      )
      .sort((a, b) => a.idleSince - b.idleSince)
      .map((a) => ({ ...a }));
  }

  holding(contactId: string): AgentState | undefined {
    const agent = [...this.agents.values()].find((a) => a.contactId === contactId);
    return agent && { ...agent };
  }
}
