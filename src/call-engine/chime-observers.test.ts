import { describe, expect, it, vi } from 'vitest';
import {
  MeetingSessionStatus,
  MeetingSessionStatusCode,
  VideoTileState,
} from 'amazon-chime-sdk-js';
import { createObservers, leaveReasonOf } from './chime-observers';
import { createSnapshotStore } from './snapshot-store';
import {
  remoteContentTile,
  remoteVideoTile,
  localVideoTile,
  secondsInCall,
} from './call-selectors';

function tile(id: number, attendeeId: string, opts: Partial<VideoTileState> = {}): VideoTileState {
  return Object.assign(new VideoTileState(), {
    tileId: id,
    boundAttendeeId: attendeeId,
    boundExternalUserId: attendeeId + '-name',
    active: true,
    ...opts,
  });
}

describe('chime observers', () => {
  const hooks = () => ({
    onStarted: vi.fn(),
    onStopped: vi.fn(),
    onDeviceLost: vi.fn(),
    onDevicesChanged: vi.fn(),
  });

  it('maps session status codes to leave reasons', () => {
    expect(leaveReasonOf(new MeetingSessionStatus(MeetingSessionStatusCode.Left))).toBe('left');
    expect(leaveReasonOf(new MeetingSessionStatus(MeetingSessionStatusCode.MeetingEnded))).toBe(
      'meeting-ended',
    );
    expect(
      leaveReasonOf(new MeetingSessionStatus(MeetingSessionStatusCode.AudioAttendeeRemoved)),
    ).toBe('removed');
    expect(
      leaveReasonOf(
        new MeetingSessionStatus(MeetingSessionStatusCode.SignalingChannelClosedUnexpectedly),
      ),
    ).toBe('connection-lost');
  });

  it('tracks joined -> reconnecting -> joined keeping the join time', () => {
    const store = createSnapshotStore();
    const h = hooks();
    const { av } = createObservers(store, h);
    av.audioVideoDidStartConnecting!(false);
    av.audioVideoDidStart!();
    const s1 = store.get().status;
    expect(s1.kind).toBe('joined');
    av.audioVideoDidStartConnecting!(true);
    expect(store.get().status.kind).toBe('reconnecting');
    av.audioVideoDidStart!();
    expect(store.get().status).toEqual(s1);
    expect(h.onStarted).toHaveBeenCalledTimes(2);
    av.audioVideoDidStop!(new MeetingSessionStatus(MeetingSessionStatusCode.MeetingEnded));
    expect(h.onStopped).toHaveBeenCalledWith('meeting-ended');
  });

  it('keeps tiles by id and ignores unbound tiles; selectors find local, remote and content', () => {
    const store = createSnapshotStore();
    const { av } = createObservers(store, hooks());
    store.update({ selfAttendeeId: 'me' });
    av.videoTileDidUpdate!(tile(1, 'me', { localTile: true }));
    av.videoTileDidUpdate!(tile(2, 'agent'));
    av.videoTileDidUpdate!(tile(3, 'agent#content', { isContent: true }));
    av.videoTileDidUpdate!(Object.assign(new VideoTileState(), { tileId: 4 }));
    av.videoTileDidUpdate!(tile(2, 'agent', { paused: true }));
    const s = store.get();
    expect(s.tiles.map((t) => t.tileId)).toEqual([1, 2, 3]);
    expect(localVideoTile(s)?.tileId).toBe(1);
    expect(remoteVideoTile(s)).toMatchObject({
      tileId: 2,
      active: false,
      externalUserId: 'agent-name',
    });
    expect(remoteContentTile(s)?.tileId).toBe(3);
    av.videoTileWasRemoved!(3);
    expect(remoteContentTile(store.get())).toBeUndefined();
  });

  it('reports network quality, content share and lost devices', () => {
    const store = createSnapshotStore();
    const h = hooks();
    const { av, content, devices } = createObservers(store, h);
    av.connectionDidBecomePoor!();
    expect(store.get().network).toBe('poor');
    av.connectionDidBecomeGood!();
    expect(store.get().network).toBe('good');
    content.contentShareDidStart!();
    expect(store.get().sharing).toBe(true);
    content.contentShareDidStop!();
    expect(store.get().sharing).toBe(false);
    devices.videoInputStreamEnded!('cam');
    expect(h.onDeviceLost).toHaveBeenCalledWith('camera');
    devices.audioInputsChanged!([]);
    expect(h.onDevicesChanged).toHaveBeenCalled();
  });

  it('counts seconds in call only while joined', () => {
    const store = createSnapshotStore();
    expect(secondsInCall(store.get(), 5000)).toBe(0);
    store.update({ status: { kind: 'joined', joinedAt: 1000 } });
    expect(secondsInCall(store.get(), 62_500)).toBe(61);
  });
});
