/**
 * Bandwidth feedback for the browsers' camera/content senders: periodic REMB (receiver estimated
 * maximum bitrate) messages, so Chromium's loss-based estimate may grow and is capped generously
 * (loopback/LAN). The fast start itself comes from the `x-google-start-bitrate` hint in our answer
 * (sdp-answer-fixes.ts): measured 960×540 at the first frames, versus 480×270 for ~10 s with REMB
 * alone and 320×180 for ~17 s with no feedback. werift's own TWCC feedback, tried first, left
 * Chromium's estimate at 300 kbps, so transport-cc is not negotiated.
 */
import type { MemberGuard } from './media-faults';
import {
  ReceiverEstimatedMaxBitrate,
  RtcpPayloadSpecificFeedback,
  type RTCRtpReceiver,
} from 'werift';

/** The receiver estimate the server reports to each sender (bits per second). */
export const REMB_BITRATE_BPS = 2_500_000;
/** How often the estimate is sent. */
export const REMB_INTERVAL_MS = 500;

/** Splits a bitrate into REMB's 6-bit exponent and 18-bit mantissa. */
export function rembFields(bitrate: number): { brExp: number; brMantissa: number } {
  let brExp = 0;
  let brMantissa = Math.floor(bitrate);
  while (brMantissa >= 1 << 18) {
    brMantissa = Math.floor(brMantissa / 2);
    brExp++;
  }
  return { brExp, brMantissa };
}

/** One REMB packet for the given media SSRCs. */
export function rembPacket(
  senderSsrc: number,
  ssrcs: number[],
  bitrate = REMB_BITRATE_BPS,
): RtcpPayloadSpecificFeedback {
  const feedback = new ReceiverEstimatedMaxBitrate({
    senderSsrc,
    mediaSsrc: 0,
    ssrcNum: ssrcs.length,
    ssrcFeedbacks: ssrcs,
    bitrate: BigInt(bitrate),
    ...rembFields(bitrate),
  });
  return new RtcpPayloadSpecificFeedback({ feedback });
}

/**
 * Sends REMB for the camera a receiver gets, now and every REMB_INTERVAL_MS; returns the stop
 * function.
 */
export function startRembLoop(
  receiver: RTCRtpReceiver,
  cameraSsrc: () => number | undefined,
  guard: MemberGuard,
): () => void {
  const send = () => {
    const ssrc = cameraSsrc();
    if (ssrc !== undefined)
      void receiver.dtlsTransport
        .sendRtcp([rembPacket(receiver.rtcpSsrc, [ssrc])])
        .catch(() => undefined);
  };
  send();
  // A timer callback that throws is an uncaught exception: the member's boundary takes it instead.
  const timer = setInterval(() => guard('timer', send), REMB_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
