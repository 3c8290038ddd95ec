/**
 * Fans the desk state out to each signed-in agent's event streams (server-sent events): on every
 * change of the agent's state or of the contact it holds, and on each DTMF digit, the agent's page
 * gets the whole current {@link DeskState}.
 */
import type { DeskState } from '../../shared/agent-desk-api';
import { createListeners, type Listeners } from '../../shared/listener-store';
import type { Clock } from '../clock';
import type { ContactRecord } from '../contacts/contact-record';
import type { LocalContacts } from '../contacts/local-contacts';
import type { AgentRoster } from '../routing/agent-roster';
import { deskContact, deskHistoryItem, deskState } from './desk-view';

/** How many handled contacts each agent's history keeps. */
const HISTORY_LENGTH = 10;

/** Told the whole desk state on every change (one per open desk page). */
export type DeskListener = (state: DeskState) => void;

/**
 * The desks' state and its listeners: computes each agent's desk from the contacts and fans changes
 * out.
 */
export class DeskHub {
  private readonly listeners = new Map<string, Listeners<DeskState>>();
  private readonly dtmf = new Map<string, Array<{ at: number; digits: string }>>();
  /** Per agent, the contacts it accepted that have ended, newest first. */
  private readonly history = new Map<string, string[]>();
  private readonly detach: Array<() => void> = [];

  constructor(
    private readonly deps: {
      contacts: LocalContacts;
      roster: AgentRoster;
      ringTimeoutSeconds: number;
      afterContactWorkSeconds: number;
      now: Clock;
    },
  ) {
    const { contacts, roster } = deps;
    const onAgent = (agent: { id: string }) => this.push(agent.id);
    const onContact = (c: ContactRecord) => {
      this.pushHolder(c.id);
      // A rating arrives after the end, as attributes of a contact in someone's history.
      for (const [agentId, ids] of this.history) if (ids.includes(c.id)) this.push(agentId);
    };
    const onDtmf = ({ contactId, digits }: { contactId: string; digits: string }) => {
      const log = this.dtmf.get(contactId) ?? [];
      log.push({ at: deps.now(), digits });
      this.dtmf.set(contactId, log.slice(-100));
      this.pushHolder(contactId);
    };
    const onEnded = (c: ContactRecord) => {
      const agentId = c.agent?.acceptedAt ? c.agent.id : undefined;
      if (agentId) {
        const ids = (this.history.get(agentId) ?? []).filter((id) => id !== c.id);
        this.history.set(agentId, [c.id, ...ids].slice(0, HISTORY_LENGTH));
      }
      this.pushHolder(c.id);
      if (agentId) this.push(agentId);
      setTimeout(() => this.dtmf.delete(c.id), 60 * 60_000).unref();
    };
    roster.events.on('changed', onAgent);
    contacts.events.on('contact-updated', onContact);
    contacts.events.on('dtmf', onDtmf);
    contacts.events.on('contact-ended', onEnded);
    this.detach.push(
      () => roster.events.off('changed', onAgent),
      () => contacts.events.off('contact-updated', onContact),
      () => contacts.events.off('dtmf', onDtmf),
      () => contacts.events.off('contact-ended', onEnded),
    );
  }

  /** The agent's current desk state (throws ResourceNotFoundException for an unknown agent). */
  state(agentId: string): DeskState {
    const { contacts, roster, ringTimeoutSeconds, afterContactWorkSeconds } = this.deps;
    const agent = roster.get(agentId);
    const record = agent.contactId ? contacts.get(agent.contactId) : undefined;
    const contact = record
      ? deskContact(record, contacts, ringTimeoutSeconds, this.dtmf.get(record.id) ?? [])
      : undefined;
    const history = (this.history.get(agentId) ?? [])
      .map((id) => contacts.get(id))
      .filter((c): c is ContactRecord => c !== undefined)
      .map(deskHistoryItem);
    return deskState(agent, contact, afterContactWorkSeconds, history);
  }

  /** Subscribes to an agent's desk state; the listener gets the current state at once. */
  subscribe(agentId: string, listener: DeskListener): () => void {
    const initial = this.state(agentId);
    const set = this.listeners.get(agentId) ?? createListeners<DeskState>();
    this.listeners.set(agentId, set);
    const off = set.add(listener);
    listener(initial);
    return off;
  }

  private push(agentId: string): void {
    const set = this.listeners.get(agentId);
    if (!set || set.size === 0) return;
    set.emit(this.state(agentId));
  }

  private pushHolder(contactId: string): void {
    const holder = this.deps.roster.holding(contactId);
    if (holder) this.push(holder.id);
  }

  close(): void {
    for (const off of this.detach) off();
    this.listeners.clear();
  }
}
