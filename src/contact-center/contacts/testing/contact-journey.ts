/**
 * Test kit: takes a contact to a state the way the contact center does (flow, queue, ring, accept),
 * through the named transitions only, so a test never builds a state no real contact could reach.
 */
import type { ContactRecord, ContactState } from '../contact-record';
import type { LocalContacts } from '../local-contacts';

/**
 * Where the journey's contact waits and who accepts it; the defaults match the shipped local
 * configuration.
 */
export interface JourneyOptions {
  /** The queue the contact waits in; default a queue named "BasicQueue". */
  queue?: { id: string; name: string; enqueuedAt?: number };
  /** The agent who is rung and accepts; default Alex. */
  agent?: { id: string; displayName: string };
}

const ORDER: ContactState[] = ['INITIATED', 'IN_FLOW', 'QUEUED', 'RINGING', 'CONNECTED'];

/**
 * Moves an INITIATED contact on to `target` (IN_FLOW, QUEUED, RINGING or CONNECTED). It is enqueued
 * at the time of its last update unless `queue.enqueuedAt` says otherwise.
 */
export function walkTo(
  contacts: LocalContacts,
  contactId: string,
  target: 'IN_FLOW' | 'QUEUED' | 'RINGING' | 'CONNECTED',
  options: JourneyOptions = {},
): ContactRecord {
  const agent = options.agent ?? { id: 'alex', displayName: 'Alex' };
  const queue = options.queue ?? { id: 'queue-basic', name: 'BasicQueue' };
  const steps = ORDER.slice(ORDER.indexOf('IN_FLOW'), ORDER.indexOf(target) + 1);
  let contact = contacts.get(contactId);
  for (const step of steps) {
    if (step === 'IN_FLOW')
      contact = contacts.transition(contactId, { kind: 'flow-started', detail: 'flow (test)' });
    if (step === 'QUEUED')
      contact = contacts.transition(contactId, {
        kind: 'queued',
        detail: `queued in ${queue.name}`,
        queue: {
          id: queue.id,
          name: queue.name,
          enqueuedAt: queue.enqueuedAt ?? contact?.lastUpdatedAt ?? 0,
        },
      });
    if (step === 'RINGING')
      contact = contacts.transition(contactId, {
        kind: 'offered',
        agentId: agent.id,
        detail: `ringing ${agent.displayName}`,
      });
    if (step === 'CONNECTED') {
      contacts.addAgentParticipant(contactId, agent);
      contact = contacts.transition(contactId, {
        kind: 'accepted',
        agentId: agent.id,
        detail: `accepted by ${agent.displayName}`,
      });
    }
  }
  if (!contact) throw new Error(`Contact ${contactId} does not exist`);
  return contact;
}
