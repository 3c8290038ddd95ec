/**
 * "Customer reconnecting…" while the customer's page is away (a reload, another page of the site,
 * the tab closed): a countdown to the time the contact ends unless they come back, then "back" for
 * a few seconds when they do. The status region is announced once per change, never per tick.
 */
import { useEffect, useState } from 'react';
import { formatDuration } from '../shared/format-duration';
import { strings } from './strings';

/** How long "… is back" stays after the customer returned. */
const BACK_SHOWN_MS = 5000;

/** Who is away, and until when the contact waits for them (epoch ms). */
export interface CustomerAwayProps {
  customerName: string;
  /** When the contact ends unless the customer comes back (epoch ms); undefined while present. */
  until: number | undefined;
}

type Phase = 'present' | 'away' | 'ending' | 'back';

/** "Customer reconnecting…" with the seconds left of the grace period. */
export function CustomerAway({ customerName, until }: CustomerAwayProps) {
  // Ticks for the whole call (like the call timer), so the countdown starts from a fresh clock.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  // "Back" when the away time is cleared while the contact goes on (derived during render).
  const [seen, setSeen] = useState({ until, back: false });
  if (seen.until !== until)
    setSeen({ until, back: until === undefined && seen.until !== undefined });
  const back = seen.back && until === undefined;
  useEffect(() => {
    if (!back) return;
    const hide = setTimeout(() => setSeen((s) => ({ ...s, back: false })), BACK_SHOWN_MS);
    return () => clearTimeout(hide);
  }, [back]);

  const left = until === undefined ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
  const phase: Phase =
    until === undefined ? (back ? 'back' : 'present') : left > 0 ? 'away' : 'ending';
  // What the live region says is fixed when the phase changes, not re-read on every tick.
  const [announced, setAnnounced] = useState<{ phase: Phase; text: string }>({
    phase: 'present',
    text: '',
  });
  if (announced.phase !== phase)
    setAnnounced({
      phase,
      text:
        phase === 'away'
          ? strings.customerAway(customerName, left)
          : phase === 'ending'
            ? strings.customerAwayEnding(customerName)
            : phase === 'back'
              ? strings.customerBack(customerName)
              : '',
    });

  return (
    <>
      {until !== undefined && (
        <p className="customer-away" data-testid="customer-away">
          <span className="spinner" aria-hidden="true" />
          {left > 0 ? (
            <span>
              {strings.customerAwayLead(customerName)}{' '}
              <time dateTime={`PT${left}S`} data-testid="away-countdown">
                {formatDuration(left)}
              </time>{' '}
              {strings.customerAwayTail}
            </span>
          ) : (
            <span>{strings.customerAwayEnding(customerName)}</span>
          )}
        </p>
      )}
      {back && (
        <p className="customer-back" data-testid="customer-back">
          {strings.customerBack(customerName)}
        </p>
      )}
      <span role="status" className="visually-hidden">
        {announced.text}
      </span>
    </>
  );
}
