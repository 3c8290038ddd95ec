/**
 * The line under the call's title: how long the agent has been on the call (from accept), the
 * network quality of this desk's connection, and whether the customer's microphone is muted. The
 * timer is not a live region (it would be read every second); mute changes are announced once.
 */
import { useEffect, useState } from 'react';
import { formatDuration } from '../shared/format-duration';
import { strings } from './strings';

function useSecondsSince(since: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === undefined) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [since]);
  return since === undefined ? 0 : Math.max(0, (now - since) / 1000);
}

/** What the call's status line shows: the customer's device and the call's audio quality. */
export interface CallStatusLineProps {
  /** When the agent accepted (epoch ms); no timer before. */
  since: number | undefined;
  network: 'good' | 'poor';
  customerName: string;
  customerMuted: boolean;
}

/**
 * One line under the call: the customer's device and network, and the audio quality Connect
 * reports.
 */
export function CallStatusLine({
  since,
  network,
  customerName,
  customerMuted,
}: CallStatusLineProps) {
  const seconds = useSecondsSince(since);
  return (
    <div className="call-status">
      {since !== undefined && (
        <span className="call-timer">
          <span className="visually-hidden">{strings.callTime} </span>
          <time dateTime={`PT${Math.floor(seconds)}S`} data-testid="call-timer">
            {formatDuration(seconds)}
          </time>
        </span>
      )}
      <span className={`chip network-${network}`} data-testid="network-quality">
        <span className="dot" aria-hidden="true" />
        {network === 'good' ? strings.networkGood : strings.networkPoor}
      </span>
      {customerMuted && (
        <span className="chip customer-muted" data-testid="customer-muted">
          <span className="dot" aria-hidden="true" />
          {strings.customerMuted(customerName)}
        </span>
      )}
      <span role="status" className="visually-hidden">
        {customerMuted ? strings.customerMuted(customerName) : ''}
      </span>
    </div>
  );
}
