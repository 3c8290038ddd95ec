/**
 * What the agent knows about a contact: customer, description, queue, attributes, references (links
 * open in a new tab) and the related contact. Shared by the incoming-contact card and the call
 * view.
 */
import { AWAY_UNTIL_ATTRIBUTE } from '../shared/call-api';
import type { DeskContact } from '../shared/agent-desk-api';
import { strings } from './strings';

function isLink(type: string, value: string | undefined): value is string {
  return type === 'URL' && !!value && /^https?:\/\//i.test(value);
}

/** The contact's details: customer, queue, attributes, references. */
export function ContactDetails({ contact }: { contact: DeskContact }) {
  // The away marker is shown as the reconnecting banner, not as data about the customer.
  const attributes = Object.entries(contact.attributes).filter(([k]) => k !== AWAY_UNTIL_ATTRIBUTE);
  const references = Object.entries(contact.references);
  return (
    <dl className="details">
      <dt>{strings.customer}</dt>
      <dd>{contact.customerName}</dd>
      {contact.description && (
        <>
          <dt>{strings.description}</dt>
          <dd>{contact.description}</dd>
        </>
      )}
      {contact.queueName && (
        <>
          <dt>{strings.queue}</dt>
          <dd>{contact.queueName}</dd>
        </>
      )}
      <dt>{strings.attributes}</dt>
      <dd>
        {attributes.length === 0 ? (
          strings.noAttributes
        ) : (
          <ul className="pairs">
            {attributes.map(([k, v]) => (
              <li key={k}>
                <span className="key">{k}</span> {v}
              </li>
            ))}
          </ul>
        )}
      </dd>
      {references.length > 0 && (
        <>
          <dt>{strings.references}</dt>
          <dd>
            <ul className="pairs">
              {references.map(([k, ref]) => (
                <li key={k}>
                  <span className="key">{k}</span>{' '}
                  {isLink(ref.Type, ref.Value) ? (
                    <a href={ref.Value} target="_blank" rel="noopener noreferrer">
                      {ref.Value}
                    </a>
                  ) : (
                    (ref.Value ?? ref.Type)
                  )}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {contact.relatedContact && (
        <>
          <dt>{strings.relatedContact}</dt>
          <dd>
            <code>{contact.relatedContact.id}</code>
            {contact.relatedContact.customerName ? ` — ${contact.relatedContact.customerName}` : ''}
            {contact.relatedContact.state ? ` (${contact.relatedContact.state})` : ''}
          </dd>
        </>
      )}
    </dl>
  );
}
