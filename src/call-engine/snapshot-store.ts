/**
 * A tiny external store: one immutable snapshot, replaced by `update`, observed by `subscribe`.
 * Kept separate from the SDK glue so it is testable and shared by every engine implementation.
 */
import type { CallSnapshot } from './call-types';
import { keepOrFirst, listDevices } from './device-lists';

/** The snapshot before any call: idle, no devices known yet. */
export function initialSnapshot(): CallSnapshot {
  return {
    status: { kind: 'idle' },
    selfAttendeeId: null,
    muted: false,
    cameraOn: false,
    sharing: false,
    tiles: [],
    attendees: [],
    messages: [],
    devices: {
      cameras: [],
      microphones: [],
      speakers: [],
      camera: null,
      microphone: null,
      speaker: null,
      speakerSelectable: typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype,
      lost: null,
    },
    network: 'good',
    audioBlocked: false,
  };
}

export interface SnapshotStore {
  get(): CallSnapshot;
  subscribe(listener: () => void): () => void;
  /** Applies a partial change (or a function of the current snapshot); notifies only on a real change. */
  update(change: Partial<CallSnapshot> | ((s: CallSnapshot) => Partial<CallSnapshot>)): void;
}

export function createSnapshotStore(start: CallSnapshot = initialSnapshot()): SnapshotStore {
  let snapshot = start;
  const listeners = new Set<() => void>();
  return {
    get: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(change) {
      const patch = typeof change === 'function' ? change(snapshot) : change;
      const keys = Object.keys(patch) as Array<keyof CallSnapshot>;
      if (keys.every((k) => Object.is(patch[k], snapshot[k]))) return;
      snapshot = { ...snapshot, ...patch };
      for (const l of [...listeners]) l();
    },
  };
}

/** Re-reads the device lists into the snapshot, keeping each chosen device while it is present. */
export async function refreshDeviceState(store: SnapshotStore): Promise<void> {
  const lists = await listDevices();
  store.update((s) => ({
    devices: {
      ...s.devices,
      ...lists,
      camera: keepOrFirst(s.devices.camera, lists.cameras),
      microphone: keepOrFirst(s.devices.microphone, lists.microphones),
      speaker: keepOrFirst(s.devices.speaker, lists.speakers),
    },
  }));
}
