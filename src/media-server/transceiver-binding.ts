/**
 * Which werift transceiver serves which offered m-section. werift 0.24.4 keys transceivers by mid
 * while it applies an offer, but by m-line index when it applies our answer
 * (`setLocalDescription` → `getTransceiverByMLineIndex`, the first transceiver with that index).
 * When Chromium recycles the position of a stopped m-line for a new mid, the stopped transceiver
 * keeps its old index, so werift renamed *it* to the new mid: two transceivers with the same mid,
 * and packets went out through the old one, with an SSRC the answer never announced (the viewer
 * dropped every packet). So after each offer: transceivers whose mid is no longer offered are
 * retired (no index, stopped, never reused), and the session keeps its own mid → transceiver map
 * instead of looking mids up in werift's list.
 */
import type { RTCRtpTransceiver } from 'werift';
import type { SdpSection } from './sdp-sections';

/** The transceiver of every live (not stopped, see SdpSection.stopped) offered section, by mid. */
export function bindTransceivers(
  transceivers: RTCRtpTransceiver[],
  offered: SdpSection[],
): Map<string, RTCRtpTransceiver> {
  const offeredMids = new Set(offered.map((s) => s.mid));
  for (const t of transceivers) {
    if (t.mid !== null && !offeredMids.has(t.mid)) retire(t);
  }
  const bound = new Map<string, RTCRtpTransceiver>();
  for (const section of offered) {
    if (section.mid === undefined) continue;
    const t = transceivers.find((x) => x.mid === section.mid && !x.stopped);
    if (!t) continue;
    // werift would otherwise recycle an inactive transceiver for a new m-line and overwrite its
    // mid.
    t.usedForSender = true;
    if (section.stopped) t.setDirection('inactive');
    else bound.set(section.mid, t);
  }
  return bound;
}

function retire(t: RTCRtpTransceiver): void {
  t.mLineIndex = undefined;
  t.usedForSender = true;
  t.setDirection('inactive');
  t.forceStop();
}
