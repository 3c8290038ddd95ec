/**
 * Waiting for werift to finish gathering its ICE candidates. The answer goes back in one
 * SUBSCRIBE_ACK frame with no later candidates, so every candidate must already be in its SDP.
 */
import type { RTCPeerConnection } from 'werift';

/**
 * Resolves once the peer connection's gathering state is `complete` (at once when it already is).
 */
export async function iceGathered(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === 'complete') return;
  await new Promise<void>((resolve) => {
    const { unSubscribe } = pc.iceGatheringStateChange.subscribe((state) => {
      if (state === 'complete') {
        unSubscribe();
        resolve();
      }
    });
    // The state may have changed between the check above and the subscription.
    if (pc.iceGatheringState === 'complete') {
      unSubscribe();
      resolve();
    }
  });
}
