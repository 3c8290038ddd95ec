/**
 * Splits a VP8 frame into RTP payloads (RFC 7741): a one-byte payload descriptor, with the S bit on
 * the first packet of the frame and PartID 0, followed by at most `maxPayload` bytes of the frame.
 * The last packet of a frame carries the RTP marker bit.
 */

/** The RTP payloads of one frame, in order. */
export function packetizeVp8(frame: Buffer, maxPayload = 1100): Buffer[] {
  const packets: Buffer[] = [];
  for (let offset = 0; offset < frame.length; offset += maxPayload) {
    const chunk = frame.subarray(offset, Math.min(frame.length, offset + maxPayload));
    const payload = Buffer.allocUnsafe(chunk.length + 1);
    payload[0] = offset === 0 ? 0x10 : 0x00; // S bit only at the start of the frame
    chunk.copy(payload, 1);
    packets.push(payload);
  }
  return packets;
}
