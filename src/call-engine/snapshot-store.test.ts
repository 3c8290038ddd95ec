import { describe, expect, it } from 'vitest';
import { createSnapshotStore } from './snapshot-store';
import { deviceErrorCode, toDeviceError, CallEngineError } from './device-errors';
import { keepOrFirst, toOptions } from './device-lists';

describe('snapshot store', () => {
  it('replaces the snapshot and notifies only on a real change', () => {
    const store = createSnapshotStore();
    const first = store.get();
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.update({ muted: false }); // same value: no change
    expect(store.get()).toBe(first);
    expect(calls).toBe(0);
    store.update({ muted: true });
    expect(store.get()).not.toBe(first);
    expect(store.get().muted).toBe(true);
    expect(first.muted).toBe(false);
    expect(calls).toBe(1);
    off();
    store.update({ muted: false });
    expect(calls).toBe(1);
  });

  it('accepts a function of the current snapshot', () => {
    const store = createSnapshotStore();
    store.update((s) => ({
      tiles: [
        ...s.tiles,
        {
          tileId: 1,
          attendeeId: 'a',
          externalUserId: 'x',
          isContent: false,
          isLocal: false,
          active: true,
        },
      ],
    }));
    expect(store.get().tiles).toHaveLength(1);
  });
});

describe('device errors', () => {
  const err = (name: string) => Object.assign(new Error('x'), { name });
  it.each([
    ['NotAllowedError', 'permission-denied'],
    ['PermissionDeniedError', 'permission-denied'],
    ['NotFoundError', 'device-not-found'],
    ['OverconstrainedError', 'device-not-found'],
    ['NotReadableError', 'device-in-use'],
    ['TypeError', 'join-failed'],
  ])('%s -> %s', (name, code) => {
    expect(deviceErrorCode(err(name))).toBe(code);
  });
  it('wraps once and keeps the cause in the message', () => {
    const wrapped = toDeviceError(err('NotAllowedError'), 'opening the camera');
    expect(wrapped).toBeInstanceOf(CallEngineError);
    expect(wrapped.message).toContain('NotAllowedError');
    expect(toDeviceError(wrapped, 'again')).toBe(wrapped);
  });
});

describe('device lists', () => {
  const dev = (kind: MediaDeviceKind, deviceId: string, label = '') =>
    ({ kind, deviceId, label, groupId: '', toJSON: () => ({}) }) as MediaDeviceInfo;
  it('filters by kind, drops empty ids and numbers unlabelled devices', () => {
    const opts = toOptions(
      [
        dev('videoinput', 'a'),
        dev('audioinput', 'b', 'Mic'),
        dev('videoinput', 'c', 'Front'),
        dev('videoinput', ''),
      ],
      'videoinput',
      'Camera',
    );
    expect(opts).toEqual([
      { deviceId: 'a', label: 'Camera 1' },
      { deviceId: 'c', label: 'Front' },
    ]);
  });
  it('keeps the current device while present, else falls back to the first', () => {
    const opts = [
      { deviceId: 'a', label: '' },
      { deviceId: 'b', label: '' },
    ];
    expect(keepOrFirst('b', opts)).toBe('b');
    expect(keepOrFirst('gone', opts)).toBe('a');
    expect(keepOrFirst(null, [])).toBeNull();
  });
});
