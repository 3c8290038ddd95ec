/**
 * Reads one attendee's audio counters from werift's statistics: what its upstream audio lost and
 * its jitter (the receiver's inbound-rtp), and the round-trip time its receiver reports gave (the
 * sender's remote-inbound-rtp), falling back to the ICE pair's.
 */
import type { RTCRtpTransceiver } from 'werift';
import type { AudioCounters } from './call-quality';

type Stat = { type: string; kind?: string } & Record<string, unknown>;

const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;

/** The counters of one audio transceiver; undefined before it has received anything. */
export async function readAudioCounters(
  transceiver: RTCRtpTransceiver,
): Promise<AudioCounters | undefined> {
  const [received, sent] = await Promise.all([
    transceiver.receiver.getStats(),
    transceiver.sender.getStats(),
  ]);
  const stats = [...received.values(), ...sent.values()] as unknown as Stat[];
  const inbound = stats.find((s) => s.type === 'inbound-rtp');
  if (!inbound) return undefined;
  const remote = stats.find((s) => s.type === 'remote-inbound-rtp');
  const pair = stats.find(
    (s) => s.type === 'candidate-pair' && num(s.currentRoundTripTime) !== undefined,
  );
  const roundTrip = num(remote?.roundTripTime) ?? num(pair?.currentRoundTripTime);
  const jitter = num(inbound.jitter);
  return {
    packetsReceived: num(inbound.packetsReceived) ?? 0,
    packetsLost: Math.max(0, num(inbound.packetsLost) ?? 0),
    ...(jitter !== undefined ? { jitterSeconds: jitter } : {}),
    ...(roundTrip !== undefined ? { roundTripSeconds: roundTrip } : {}),
  };
}
