/**
 * After a server restart, contacts keep their place: queued or ringing contacts wait again in their
 * queue in their original order (a ring cut by the restart starts over), and a connected contact
 * keeps its agent busy, so the agent's desk rejoins it when they sign in again.
 */
import type { ContactRecord } from '../contacts/contact-record';
import type { LocalContacts } from '../contacts/local-contacts';
import type { AgentRoster } from './agent-roster';
import type { QueueRouter } from './queue-router';

/**
 * After a restart, puts the stored contacts back in their queues and agents back on their contacts.
 */
export function restoreRouting(
  deps: { contacts: LocalContacts; roster: AgentRoster; router: QueueRouter },
  active: ContactRecord[],
): void {
  const byQueueTime = [...active].sort(
    (a, b) => (a.queue?.enqueuedAt ?? 0) - (b.queue?.enqueuedAt ?? 0),
  );
  for (const c of byQueueTime) {
    if ((c.state === 'QUEUED' || c.state === 'RINGING') && c.queue) {
      if (c.state === 'RINGING')
        deps.contacts.transition(c.id, { kind: 'noted', detail: 'ring interrupted by a restart' });
      const agentId = c.queue.id.startsWith('agent/')
        ? c.queue.id.slice('agent/'.length)
        : undefined;
      deps.router.enqueue(
        c.id,
        { queueId: c.queue.id, ...(agentId ? { agentId } : {}) },
        c.queue.enqueuedAt,
      );
    } else if (c.state === 'CONNECTED' && c.agent?.id) {
      deps.roster.set(c.agent.id, 'ON_CONTACT', { contactId: c.id });
    }
  }
}
