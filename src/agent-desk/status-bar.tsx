/** The agent's name, current status and the Available / Offline choice (aria-pressed toggles). */
import type { DeskAgent } from '../shared/agent-desk-api';
import { strings } from './strings';

/** The agent's name and status, with Available and Offline. */
export function StatusBar(props: {
  agent: DeskAgent;
  busy: boolean;
  onStatus(status: 'AVAILABLE' | 'OFFLINE'): void;
  onSignOut(): void;
}) {
  const { agent } = props;
  const working = agent.status === 'ON_CONTACT' || agent.status === 'RINGING';
  return (
    <div className="status-bar">
      <p className="agent-name">
        {agent.name}{' '}
        <span className={`badge status-${agent.status.toLowerCase()}`}>
          {strings.status[agent.status] ?? agent.status}
        </span>
      </p>
      <div role="group" aria-label={strings.statusLabel} className="status-toggle">
        <button
          type="button"
          aria-pressed={agent.status === 'AVAILABLE'}
          disabled={props.busy || working}
          onClick={() => props.onStatus('AVAILABLE')}
        >
          {strings.available}
        </button>
        <button
          type="button"
          aria-pressed={agent.status === 'OFFLINE'}
          disabled={props.busy || working}
          onClick={() => props.onStatus('OFFLINE')}
        >
          {strings.offline}
        </button>
      </div>
      <button type="button" className="link" disabled={working} onClick={props.onSignOut}>
        {strings.signOut}
      </button>
    </div>
  );
}
