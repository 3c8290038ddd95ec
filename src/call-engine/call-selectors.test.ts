/** The selectors the UIs pass to useCallSnapshot read the right part of a snapshot. */
import { describe, expect, it } from 'vitest';
import {
  deviceState,
  effectsState,
  isAudioBlocked,
  isCameraOn,
  isInCall,
  isMuted,
  isSharing,
  lostDevice,
  networkQuality,
  remoteContentTile,
  selfMedia,
  selfView,
  statusKind,
} from './call-selectors';
import { presentAttendee, snapshotOf, videoTile } from './testing/snapshot-of';

const joined = snapshotOf({
  status: { kind: 'joined', joinedAt: 1 },
  selfAttendeeId: 'me',
  muted: true,
  cameraOn: true,
  sharing: true,
  network: 'poor',
  audioBlocked: true,
  tiles: [videoTile(7, 'me', { isLocal: true }), videoTile(8, 'me#content')],
  attendees: [presentAttendee('me'), presentAttendee('a')],
});

describe('call selectors', () => {
  it('read the own toggles, the network, audio blocking and the devices', () => {
    expect([isMuted(joined), isCameraOn(joined), isSharing(joined)]).toEqual([true, true, true]);
    expect(selfMedia(joined)).toEqual({ muted: true, cameraOn: true, sharing: true });
    expect(networkQuality(joined)).toBe('poor');
    expect(isAudioBlocked(joined)).toBe(true);
    expect(deviceState(joined)).toBe(joined.devices);
    expect(effectsState(joined)).toBe(joined.effects);
    expect(lostDevice(joined)).toBeNull();
    expect(lostDevice(snapshotOf({ devices: { ...joined.devices, lost: 'camera' } }))).toBe(
      'camera',
    );
  });

  it('tell where the call is: joined and reconnecting are in the call, the rest not', () => {
    expect(statusKind(joined)).toBe('joined');
    expect(isInCall(joined)).toBe(true);
    expect(isInCall(snapshotOf({ status: { kind: 'reconnecting', joinedAt: 1 } }))).toBe(true);
    for (const status of [
      { kind: 'idle' },
      { kind: 'joining' },
      { kind: 'left', reason: 'left' },
    ] as const)
      expect(isInCall(snapshotOf({ status }))).toBe(false);
  });

  it('the self-view: its tile only while the camera is on, muted, and speaking', () => {
    expect(selfView(joined)).toEqual({ tileId: 7, muted: true, speaking: false });
    expect(selfView({ ...joined, cameraOn: false, activeSpeakerId: 'me' })).toEqual({
      tileId: null,
      muted: true,
      speaking: true,
    });
  });

  it("the remote screen share is never this client's own", () => {
    expect(remoteContentTile(joined)).toBeUndefined();
    const shared = { ...joined, tiles: [...joined.tiles, videoTile(9, 'a#content')] };
    expect(remoteContentTile(shared)?.tileId).toBe(9);
  });
});
