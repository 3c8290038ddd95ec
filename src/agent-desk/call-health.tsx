/**
 * The customer's device and both sides' audio quality during a call, as DescribeContact reports
 * them (the media server's measurement), refreshed every few seconds. Not a live region: the
 * numbers move all the time; a chip turns to a warning when an issue appears.
 */
import { useEffect, useState } from 'react';
import type { CallHealth as Health } from '../shared/agent-desk-api';
import { deskClient } from './desk-client';
import { strings } from './strings';

/** How often the desk asks; the server measures between two asks. */
const REFRESH_MS = 3_000;

function useCallHealth(agentId: string, contactId: string): Health | undefined {
  const [health, setHealth] = useState<Health>();
  useEffect(() => {
    let stopped = false;
    const refresh = () =>
      deskClient.health(agentId, contactId).then(
        (h) => !stopped && setHealth(h),
        // A missed refresh keeps the last figures; the next one tries again.
        (err: unknown) => console.warn('call health could not be read', err),
      );
    void refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [agentId, contactId]);
  return health;
}

/**
 * "Chrome 156" from the SDK's "chrome" and "156.0.8078.114": short enough for a chip on a phone.
 */
function browserLabel(name: string | undefined, version: string | undefined): string {
  if (!name) return '';
  const major = version?.split('.')[0];
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}${major ? ` ${major}` : ''}`;
}

type Audio = NonNullable<NonNullable<Health['quality']>['Customer']>['Audio'];

function AudioChip({ who, audio }: { who: 'customer' | 'you'; audio: Audio }) {
  const issues = audio.PotentialQualityIssues.map((i) => strings.qualityIssue[i]);
  return (
    <span
      className={`chip ${issues.length > 0 ? 'network-poor' : 'network-good'}`}
      data-testid={`audio-quality-${who}`}
    >
      <span className="dot" aria-hidden="true" />
      {strings.audioQuality(who, audio.QualityScore)}
      {issues.length > 0 && ` — ${issues.join(', ')}`}
    </span>
  );
}

/** The device and audio-quality chips of the call in progress (nothing until there is a figure). */
export function CallHealth({ agentId, contactId }: { agentId: string; contactId: string }) {
  const health = useCallHealth(agentId, contactId);
  const device = health?.customerDevice;
  const browser = browserLabel(device?.PlatformName, device?.PlatformVersion);
  const customer = health?.quality?.Customer?.Audio;
  const agent = health?.quality?.Agent?.Audio;
  if (!browser && !customer && !agent) return null;
  return (
    <div className="call-status call-health">
      {browser && (
        <span className="chip" data-testid="customer-device">
          {strings.customerDevice(browser, device?.OperatingSystem)}
        </span>
      )}
      {customer && <AudioChip who="customer" audio={customer} />}
      {agent && <AudioChip who="you" audio={agent} />}
    </div>
  );
}
