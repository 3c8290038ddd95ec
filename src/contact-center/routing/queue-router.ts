/**
 * Queue routing: contacts wait in their queue (oldest first) and ring the longest-idle available
 * agent who serves it; an unanswered ring moves on to the next agent, a reject too. Accept adds the
 * agent's attendee to the meeting; the end of a contact frees the agent after after-contact work.
 */
import type { Clock } from '../clock';
import type { ContactParticipant, ContactRecord } from '../contacts/contact-record';
import type { LocalContacts } from '../contacts/local-contacts';
import type { AgentRoster, AgentState } from './agent-roster';
import type { CenterDirectory } from './center-directory';
import { AgentTimers } from './agent-timers';
import { DeskError } from './desk-error';

interface Waiting {
  contactId: string;
  queueId: string;
  agentId?: string;
  enqueuedAt: number;
}

/** Routes queued contacts to available agents: offers, timeouts, accepts and declines. */
export class QueueRouter {
  private waiting: Waiting[] = [];
  private readonly timers = new AgentTimers();

  constructor(
    private readonly deps: {
      contacts: LocalContacts;
      directory: CenterDirectory;
      roster: AgentRoster;
      now: Clock;
    },
  ) {}

  private now = (): number => this.deps.now();

  /**
   * Puts a contact in a queue (QueueGate for the flow runner); false when the queue is at capacity.
   */
  enqueue(
    contactId: string,
    target: { queueId: string; agentId?: string },
    enqueuedAt = this.now(),
  ): boolean {
    const { contacts, directory } = this.deps;
    const queue = target.agentId
      ? { id: target.queueId, name: `Agent queue: ${directory.agentName(target.agentId)}` }
      : directory.queue(target.queueId);
    if (!queue) return false;
    const max = directory.queue(target.queueId)?.maxContacts;
    if (max !== undefined && this.waiting.filter((w) => w.queueId === queue.id).length >= max)
      return false;
    // The contact first (an ended one is refused), then its place in the queue.
    contacts.transition(contactId, {
      kind: 'queued',
      detail: `queued in ${queue.name}`,
      queue: { id: queue.id, name: queue.name, enqueuedAt },
    });
    this.waiting = this.waiting.filter((w) => w.contactId !== contactId);
    this.waiting.push({ contactId, queueId: queue.id, agentId: target.agentId, enqueuedAt });
    this.waiting.sort((a, b) => a.enqueuedAt - b.enqueuedAt);
    this.dispatch();
    return true;
  }

  /** Rings free agents for waiting contacts, oldest contact first. */
  dispatch(): void {
    for (const entry of [...this.waiting]) {
      const contact = this.deps.contacts.get(entry.contactId);
      if (!contact || contact.state === 'ENDED') {
        this.waiting = this.waiting.filter((w) => w !== entry);
        continue;
      }
      const agent = this.deps.roster.candidates(
        entry.queueId,
        entry.agentId,
        contact.declinedBy ?? [],
      )[0];
      if (agent) this.ring(entry, agent);
    }
  }

  private ring(entry: Waiting, agent: AgentState): void {
    const { contacts, roster, directory } = this.deps;
    this.waiting = this.waiting.filter((w) => w !== entry);
    roster.set(agent.id, 'RINGING', { contactId: entry.contactId });
    contacts.transition(entry.contactId, {
      kind: 'offered',
      agentId: agent.id,
      detail: `ringing ${agent.name}`,
    });
    const timeout = directory.setup.ringTimeoutSeconds * 1000;
    this.timers.set(agent.id, timeout, () =>
      this.unanswered(
        agent.id,
        entry,
        'MISSED',
        `${agent.name} did not answer within ${directory.setup.ringTimeoutSeconds} s`,
      ),
    );
  }

  /** The ring ended without an answer: the contact goes back to its place in the queue. */
  private unanswered(
    agentId: string,
    entry: Waiting,
    agentStatus: 'MISSED' | 'AVAILABLE' | 'OFFLINE',
    detail: string,
  ): void {
    this.timers.clear(agentId);
    this.deps.roster.set(agentId, agentStatus, { contactId: undefined });
    this.deps.contacts.transition(entry.contactId, { kind: 'offer-declined', agentId, detail });
    this.enqueue(entry.contactId, entry, entry.enqueuedAt);
  }

  private ringing(agentId: string, contactId: string): ContactRecord {
    const agent = this.deps.roster.get(agentId);
    const contact = this.deps.contacts.get(contactId);
    if (!contact)
      throw new DeskError('ResourceNotFoundException', `Contact ${contactId} does not exist`);
    if (agent.status !== 'RINGING' || agent.contactId !== contactId)
      throw new DeskError(
        'ResourceConflictException',
        `Contact ${contactId} is not ringing for agent ${agentId}`,
      );
    return contact;
  }

  accept(agentId: string, contactId: string): ContactParticipant {
    this.ringing(agentId, contactId);
    this.timers.clear(agentId);
    const { contacts, roster } = this.deps;
    const agent = roster.get(agentId);
    const participant = contacts.addAgentParticipant(contactId, {
      id: agentId,
      displayName: agent.name,
    });
    contacts.transition(contactId, {
      kind: 'accepted',
      agentId,
      detail: `accepted by ${agent.name}`,
    });
    roster.set(agentId, 'ON_CONTACT', { contactId });
    return participant;
  }

  reject(agentId: string, contactId: string): void {
    const contact = this.ringing(agentId, contactId);
    this.unanswered(
      agentId,
      this.entryOf(contact),
      'AVAILABLE',
      `rejected by ${this.deps.roster.get(agentId).name}`,
    );
  }

  /** The queue entry of a contact that was taken out of the queue to ring. */
  private entryOf(contact: ContactRecord): Waiting {
    const queue = contact.queue ?? { id: 'unknown', enqueuedAt: this.now() };
    return {
      contactId: contact.id,
      queueId: queue.id,
      enqueuedAt: queue.enqueuedAt,
      ...(queue.id.startsWith('agent/') ? { agentId: queue.id.slice(6) } : {}),
    };
  }

  /**
   * The contact ended (any reason): take it out of the queue, stop its ring, or start after-contact
   * work.
   */
  contactEnded(contact: ContactRecord): void {
    this.waiting = this.waiting.filter((w) => w.contactId !== contact.id);
    const agent = this.deps.roster.holding(contact.id);
    if (!agent) return;
    this.timers.clear(agent.id);
    if (agent.status === 'RINGING') {
      this.deps.roster.set(agent.id, 'AVAILABLE', { contactId: undefined });
      return this.dispatch();
    }
    if (agent.status !== 'ON_CONTACT') return;
    this.deps.roster.set(agent.id, 'AFTER_CONTACT_WORK', { contactId: contact.id });
    this.deps.contacts.transition(contact.id, {
      kind: 'after-contact-work-started',
      agentId: agent.id,
    });
    this.timers.set(agent.id, this.deps.directory.setup.afterContactWorkSeconds * 1000, () =>
      this.finishAfterContactWork(agent.id),
    );
  }

  /** Ends after-contact work (timer or the agent's "Done"): the agent is available again. */
  finishAfterContactWork(agentId: string): void {
    if (this.deps.roster.get(agentId).status !== 'AFTER_CONTACT_WORK')
      throw new DeskError(
        'ResourceConflictException',
        `Agent ${agentId} is not in after-contact work`,
      );
    this.setAvailability(agentId, 'AVAILABLE');
  }

  /**
   * The agent's own choice: Available or Offline. A ringing contact goes back to its queue (as if
   * rejected), after-contact work ends; the new status is set before any other contact may ring.
   */
  setAvailability(agentId: string, status: 'AVAILABLE' | 'OFFLINE'): AgentState {
    const agent = this.deps.roster.get(agentId);
    if (agent.status === 'ON_CONTACT')
      throw new DeskError(
        'ResourceConflictException',
        'End the current contact before changing status',
      );
    this.timers.clear(agentId);
    if (agent.status === 'AFTER_CONTACT_WORK' && agent.contactId) {
      this.deps.contacts.transition(agent.contactId, {
        kind: 'after-contact-work-ended',
        agentId,
      });
    }
    const ringing =
      agent.status === 'RINGING' ? this.deps.contacts.get(agent.contactId ?? '') : undefined;
    if (status === 'AVAILABLE' && agent.status !== 'AVAILABLE' && !ringing) {
      for (const w of this.waiting)
        this.deps.contacts.transition(w.contactId, { kind: 'declines-forgotten', agentId });
    }
    this.deps.roster.set(agentId, status, {
      contactId: undefined,
      idle: agent.status !== status && agent.status !== 'RINGING',
    });
    if (ringing)
      this.unanswered(
        agentId,
        this.entryOf(ringing),
        status,
        `${agent.name} set ${status === 'OFFLINE' ? 'Offline' : 'Available'} while it rang`,
      );
    this.dispatch();
    return this.deps.roster.get(agentId);
  }

  close(): void {
    this.timers.close();
  }
}
