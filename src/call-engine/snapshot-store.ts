/**
 * The engine's external store: one immutable snapshot, changed by `update` (a partial patch that
 * notifies only on a real change), observed by `subscribe`. Built on the shared
 * {@link createStore}.
 */
import { createStore } from '../shared/listener-store';
import type { CallSnapshot, DeviceOption } from './call-types';
import { keepOrFirst } from './device-lists';

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
    activeSpeakerId: null,
    messages: [],
    devices: {
      cameras: [],
      microphones: [],
      speakers: [],
      camera: null,
      microphone: null,
      speaker: null,
      speakerSelectable:
        typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype,
      lost: null,
    },
    network: 'good',
    audioBlocked: false,
    effects: { noiseSuppression: 'off', background: { kind: 'none' }, backgroundState: 'off' },
  };
}

/** The engine's one snapshot: read it, subscribe to it, and change it only by `update`. */
export interface SnapshotStore {
  get(): CallSnapshot;
  subscribe(listener: () => void): () => void;
  /**
   * Applies a partial change (or a function of the current snapshot); notifies only on a real
   * change.
   */
  update(change: Partial<CallSnapshot> | ((s: CallSnapshot) => Partial<CallSnapshot>)): void;
}

/** A snapshot store starting at `start`. */
export function createSnapshotStore(start: CallSnapshot = initialSnapshot()): SnapshotStore {
  const store = createStore(start);
  return {
    get: store.get,
    subscribe: store.subscribe,
    update(change) {
      const snapshot = store.get();
      const patch = typeof change === 'function' ? change(snapshot) : change;
      const keys = Object.keys(patch) as Array<keyof CallSnapshot>;
      if (keys.every((k) => Object.is(patch[k], snapshot[k]))) return;
      store.set({ ...snapshot, ...patch });
    },
  };
}

type DeviceLists = {
  cameras: DeviceOption[];
  microphones: DeviceOption[];
  speakers: DeviceOption[];
};

/** Re-reads the device lists into the snapshot, keeping each chosen device while it is present. */
export async function refreshDeviceState(
  store: SnapshotStore,
  list: () => Promise<DeviceLists>,
): Promise<void> {
  const lists = await list();
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
