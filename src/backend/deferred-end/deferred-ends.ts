/**
 * Deferred ends: a contact whose customer's page went away ends when its grace period runs out,
 * unless the customer came back first. The record is the backend's own and outlives the process
 * (SQLite for the standalone server, DynamoDB for the deploy), so any instance may take the end of
 * a contact another one scheduled, and a restart loses none.
 */

/**
 * One scheduled end. The connection token is the customer's own (DisconnectParticipant needs it).
 */
export interface DeferredEnd {
  contactId: string;
  instanceId: string;
  connectionToken: string;
  /** Epoch milliseconds the contact ends at. */
  dueAt: number;
}

/**
 * Where deferred ends are kept; every implementation is shared by all instances using the same
 * store.
 */
export interface DeferredEnds {
  /** Schedules the end of a contact, replacing an earlier one of the same contact. */
  put(end: DeferredEnd): Promise<void>;
  /** Cancels a scheduled end; true if there was one. */
  cancel(contactId: string): Promise<boolean>;
  /**
   * Removes and returns the ends due at `now`. Atomic per record: when several sweepers run, each
   * end is returned to exactly one of them.
   */
  takeDue(now: number): Promise<DeferredEnd[]>;
  close(): void;
}

/** In memory, for tests and for the one-process fallback (not durable). */
export function memoryDeferredEnds(): DeferredEnds {
  const ends = new Map<string, DeferredEnd>();
  return {
    put: async (end) => void ends.set(end.contactId, { ...end }),
    cancel: async (contactId) => ends.delete(contactId),
    takeDue: async (now) => {
      const due = [...ends.values()].filter((e) => e.dueAt <= now);
      for (const e of due) ends.delete(e.contactId);
      return due;
    },
    close: () => ends.clear(),
  };
}
