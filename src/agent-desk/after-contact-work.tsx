/** After-contact work: a countdown to becoming available again, and "Done" to finish early. */
import { useEffect, useState } from 'react';
import type { DeskState } from '../shared/agent-desk-api';
import { strings } from './strings';

/** The after-contact work panel: the countdown and Finish, back to Available. */
export function AfterContactWork({
  state,
  busy,
  onDone,
}: {
  state: DeskState;
  busy: boolean;
  onDone(): void;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const left = Math.max(
    0,
    Math.ceil(state.afterContactWorkSeconds - (now - state.agent.statusSince) / 1000),
  );
  const reason = state.contact?.disconnectReason;
  return (
    <section className="acw" aria-labelledby="acw-title">
      <h2 id="acw-title">{strings.acwTitle}</h2>
      {reason && <p>{strings.contactEnded(strings.reasons[reason] ?? reason)}</p>}
      <p className="muted">{strings.acwHelp(left)}</p>
      <button type="button" className="primary" disabled={busy} onClick={onDone}>
        {strings.acwDone}
      </button>
    </section>
  );
}
