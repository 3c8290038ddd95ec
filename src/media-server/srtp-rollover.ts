/**
 * The SRTP rollover counter (ROC: how many times a stream's 16-bit sequence number has wrapped) as
 * RFC 3711 §3.3.1 estimates it, in place of werift 0.24.4's guess.
 *
 * The ROC is part of every packet's key stream and authentication, so a receiver that guesses it
 * wrong rejects every packet from then on. werift only counts a wrap when the packets on both sides
 * of it arrive within 100 numbers of it; after a loss burst across the wrap (a 2 s network stall of
 * a 50 packet/s audio stream is enough, and an overloaded process drops such bursts from its socket
 * buffer) it keeps the old ROC and that stream is dead for the rest of the call. Long calls met it:
 * in a 30-minute soak, one stream of two calls stopped for good at the wrap, about 21 minutes in.
 * Browsers (libsrtp) estimate the index from the highest sequence number seen, which survives any
 * gap of less than half the sequence space; this does the same for werift's sender and receiver.
 */
import { ProtectionProfileAes128CmHmacSha1_80, SrtpSession } from 'werift';

const HALF = 0x8000;

/** werift's per-SSRC SRTP state, with the highest index seen kept beside it. */
export interface SrtpSsrcState {
  /** Read by werift as the ROC of the packet being processed. */
  rolloverCounter: number;
  lastSequenceNumber: number;
  rolloverHasProcessed?: boolean;
  /** ROC and sequence number of the highest packet index seen so far (s_l and its ROC). */
  highestRoc?: number;
  highestSequence?: number;
}

/**
 * Sets `state.rolloverCounter` to the ROC of the packet numbered `sequence` (RFC 3711 §3.3.1: the
 * index closest to the highest one seen), and advances the highest index when this packet is newer.
 * werift commits a receiver's state only once the packet authenticates, as the RFC requires.
 */
export function estimateRollover(sequence: number, state: SrtpSsrcState): void {
  if (state.highestSequence === undefined || state.highestRoc === undefined) {
    state.highestRoc = state.rolloverCounter;
    state.highestSequence = sequence;
  } else {
    const roc = state.highestRoc;
    const highest = state.highestSequence;
    let guess = roc;
    if (highest < HALF) {
      if (sequence - highest > HALF) guess = roc - 1; // a late packet from before the last wrap
    } else if (highest - HALF > sequence) {
      guess = roc + 1; // the stream wrapped (however many packets around it were lost)
    }
    // A late packet from before the stream's first wrap-less start cannot have a negative ROC.
    state.rolloverCounter = Math.max(0, guess);
    if (guess > roc || (guess === roc && sequence > highest)) {
      state.highestRoc = guess;
      state.highestSequence = sequence;
    }
  }
  state.rolloverHasProcessed = true;
  state.lastSequenceNumber = sequence;
}

let installed = false;

/**
 * Makes werift's SRTP contexts (the sender's and the receiver's, of every peer connection in this
 * process) use `estimateRollover`. werift does not export its SRTP context class, so the prototype
 * is reached through a throwaway session. Idempotent.
 */
export function installSrtpRolloverEstimate(): void {
  if (installed) return;
  const key = Buffer.alloc(16);
  const salt = Buffer.alloc(14);
  const probe = new SrtpSession({
    keys: {
      localMasterKey: key,
      localMasterSalt: salt,
      remoteMasterKey: key,
      remoteMasterSalt: salt,
    },
    profile: ProtectionProfileAes128CmHmacSha1_80,
  });
  const context = Object.getPrototypeOf(
    (probe as unknown as { localContext: object }).localContext,
  );
  context.updateRolloverCount = function (sequence: number, state: SrtpSsrcState) {
    estimateRollover(sequence, state);
  };
  installed = true;
}
