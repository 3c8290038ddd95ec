/**
 * Moves a contact to a new state and notes why, in one history entry. The contacts implementation
 * appends a history entry itself whenever the state changes; this adds the detail to that entry (or
 * appends one when the state did not change), so DescribeContact and the desk show each step once.
 */
import type { ContactRecord, ContactState } from '../contacts/contact-record';
import type { LocalContacts } from '../contacts/local-contacts';

export function recordStep(
  contacts: LocalContacts,
  contactId: string,
  state: ContactState,
  detail: string,
  change?: (contact: ContactRecord) => void,
): ContactRecord {
  contacts.update(contactId, (c) => {
    change?.(c);
    c.state = state;
  });
  return contacts.update(contactId, (c) => {
    const last = c.history[c.history.length - 1];
    if (last && last.state === state && last.detail === undefined) last.detail = detail;
    else c.history.push({ state, at: Date.now(), detail });
  });
}

/** Adds a detail entry for the current state (e.g. "rang Alex, no answer"). */
export function noteStep(
  contacts: LocalContacts,
  contactId: string,
  detail: string,
): ContactRecord {
  return contacts.update(
    contactId,
    (c) => void c.history.push({ state: c.state, at: Date.now(), detail }),
  );
}
