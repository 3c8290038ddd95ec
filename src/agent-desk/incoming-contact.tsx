/**
 * A ringing contact: a labelled dialog with a visual pulse and a ring tone, the customer's details,
 * a countdown of the ring timeout, and Accept / Reject. Accept has the focus so Enter answers.
 */
import { useEffect, useRef, useState } from 'react';
import type { DeskContact } from '../shared/agent-desk-api';
import { ContactDetails } from './contact-details';
import { startRinging } from './ringtone';
import { strings } from './strings';

/** An offered contact: who is calling and from which queue, with Accept and Decline. */
export function IncomingContact(props: {
  contact: DeskContact;
  busy: boolean;
  onAccept(): void;
  onReject(): void;
}) {
  const { contact } = props;
  const acceptRef = useRef<HTMLButtonElement>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    acceptRef.current?.focus();
    const stop = startRinging();
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      stop();
      clearInterval(tick);
    };
  }, [contact.id]);
  const left = contact.ringStartedAt
    ? Math.max(0, Math.ceil(contact.ringTimeoutSeconds - (now - contact.ringStartedAt) / 1000))
    : contact.ringTimeoutSeconds;
  return (
    <section
      className="incoming ringing"
      role="dialog"
      aria-modal="false"
      aria-labelledby="incoming-title"
      aria-describedby="incoming-countdown"
    >
      <h2 id="incoming-title">
        <span className="bell" aria-hidden="true" /> {strings.incomingTitle}
      </h2>
      <p id="incoming-countdown" className="muted">
        {strings.ringsFor(left)}
      </p>
      <ContactDetails contact={contact} />
      <div className="actions">
        <button
          ref={acceptRef}
          type="button"
          className="primary"
          disabled={props.busy}
          onClick={props.onAccept}
        >
          {strings.accept}
        </button>
        <button type="button" className="danger" disabled={props.busy} onClick={props.onReject}>
          {strings.reject}
        </button>
      </div>
    </section>
  );
}
