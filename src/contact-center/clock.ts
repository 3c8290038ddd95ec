/**
 * The one clock of the local contact center: epoch milliseconds, injected into every part that
 * reads the time (contacts, router, roster, flows, desk, emulator), so a test moves time for all of
 * them at once and a contact's timestamps never mix two clocks.
 */

/** Now, in epoch milliseconds. */
export type Clock = () => number;

/** The machine's clock; only the composition roots (local provider, test harnesses) pick it. */
export const systemClock: Clock = () => Date.now();
