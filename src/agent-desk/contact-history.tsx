/**
 * The agent's recent contacts (newest first): customer, call time and the customer's rating with
 * its comment as soon as the customer sent it from the ended screen.
 */
import type { DeskHistoryItem } from '../shared/agent-desk-api';
import { formatDuration } from '../shared/format-duration';
import { strings } from './strings';

/** The agent's last contacts, newest first, with the customer's rating where given. */
export function ContactHistory({ items }: { items: DeskHistoryItem[] }) {
  if (items.length === 0) return null;
  return (
    <section className="history" aria-labelledby="history-title">
      <h2 id="history-title">{strings.historyTitle}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.id} data-testid="history-item">
            <span className="history-name">{item.customerName}</span>
            {item.durationSeconds !== undefined && (
              <span className="muted">{formatDuration(item.durationSeconds)}</span>
            )}
            {item.rating ? (
              <span className="history-rating">
                {strings.rated(item.rating.score)}
                {item.rating.comment && <q>{item.rating.comment}</q>}
              </span>
            ) : (
              <span className="muted">{strings.notRated}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
