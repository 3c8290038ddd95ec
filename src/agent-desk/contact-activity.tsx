/**
 * The contact's DTMF digits and flow prompts (captions) as they happen, newest last, in a log
 * region so screen readers announce new items.
 */
import type { DeskContact } from '../shared/agent-desk-api';
import { strings } from './strings';

/** The contact's activity log: flow steps, DTMF, captions, participants (a polite live log). */
export function ContactActivity({ contact }: { contact: DeskContact }) {
  const items = [
    ...contact.dtmf.map((d, i) => ({
      key: `d${i}-${d.at}`,
      at: d.at,
      text: strings.dtmfItem(d.digits),
      kind: 'dtmf',
    })),
    ...contact.captions.map((c, i) => ({
      key: `c${i}-${c.at}`,
      at: c.at,
      text: strings.captionItem(c.text),
      kind: 'caption',
    })),
  ].sort((a, b) => a.at - b.at);
  return (
    <section className="activity" aria-labelledby="activity-title">
      <h3 id="activity-title">{strings.activityTitle}</h3>
      <div role="log" aria-live="polite" aria-labelledby="activity-title">
        <ol className="activity-list">
          {items.length === 0 && <li className="muted">{strings.noActivity}</li>}
          {items.map((item) => (
            <li key={item.key} className={item.kind}>
              <time dateTime={new Date(item.at).toISOString()}>
                {new Date(item.at).toLocaleTimeString()}
              </time>{' '}
              {item.text}
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
