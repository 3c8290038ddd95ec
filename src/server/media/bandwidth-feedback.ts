/**
 * Bandwidth feedback for the browsers' camera/content senders: periodic REMB (receiver estimated
 * maximum bitrate) messages. Chromium starts at 300 kbps; during its start phase it jumps to a
 * receiver estimate that is higher, so the camera reaches 640×360 within seconds instead of the
 * ~17 s a server without feedback needs. (werift's own TWCC feedback, tried first, left Chromium's
 * estimate at 300 kbps, so transport-cc is not negotiated.) On loopback/LAN the cap is generous.
 */
import { ReceiverEstimatedMaxBitrate, RtcpPayloadSpecificFeedback } from 'werift';

export const REMB_BITRATE_BPS = 2_500_000;
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
export function rembPacket(senderSsrc: number, ssrcs: number[], bitrate = REMB_BITRATE_BPS): RtcpPayloadSpecificFeedback {
  const feedback = new ReceiverEstimatedMaxBitrate({
    senderSsrc, mediaSsrc: 0, ssrcNum: ssrcs.length, ssrcFeedbacks: ssrcs, bitrate: BigInt(bitrate), ...rembFields(bitrate),
  });
  return new RtcpPayloadSpecificFeedback({ feedback });
}
