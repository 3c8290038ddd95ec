/**
 * Translates Chime SDK observer callbacks into snapshot changes, so nothing above the engine sees
 * an SDK type. Each handler is a pure mapping onto the store; `attachSession` registers them all
 * and returns their removal.
 */
import {
  MeetingSessionStatusCode,
  type AudioVideoObserver,
  type ContentShareObserver,
  type DeviceChangeObserver,
  type MeetingSessionStatus,
  type VideoTileState,
} from 'amazon-chime-sdk-js';
import type { LeaveReason, TileInfo } from './call-types';
import { subscribeRealtime } from './chime-realtime';
import type { MediaSession } from './media-session';
import type { SnapshotStore } from './snapshot-store';

/** Maps a Chime session status to a reason the UI can explain. */
export function leaveReasonOf(status: MeetingSessionStatus): LeaveReason {
  switch (status.statusCode()) {
    case MeetingSessionStatusCode.Left:
      return 'left';
    case MeetingSessionStatusCode.MeetingEnded:
    case MeetingSessionStatusCode.TURNCredentialsForbidden:
      return 'meeting-ended';
    case MeetingSessionStatusCode.AudioAttendeeRemoved:
      return 'removed';
    case MeetingSessionStatusCode.AudioJoinedFromAnotherDevice:
      return 'joined-elsewhere';
    default:
      return 'connection-lost';
  }
}

function tileOf(state: VideoTileState): TileInfo | null {
  if (state.tileId === null || !state.boundAttendeeId) return null;
  return {
    tileId: state.tileId,
    attendeeId: state.boundAttendeeId,
    externalUserId: state.boundExternalUserId ?? '',
    isContent: state.isContent,
    isLocal: state.localTile,
    active: state.active && !state.paused,
  };
}

/** What the Chime observers report to the engine, which turns it into its snapshot. */
export interface ObserverHooks {
  /** Called once the session is connected (first time and after every reconnect). */
  onStarted(): void;
  /** Called when the session stopped for any reason. */
  onStopped(reason: LeaveReason): void;
  /**
   * Called when the camera or microphone in use stopped delivering (unplugged, permission revoked).
   */
  onDeviceLost(kind: 'camera' | 'microphone'): void;
  /** Called when a device list changed. */
  onDevicesChanged(): void;
}

/** Builds the three observers the engine registers on the session. */
export function createObservers(store: SnapshotStore, hooks: ObserverHooks) {
  const av: AudioVideoObserver = {
    audioVideoDidStartConnecting: (reconnecting) => {
      const s = store.get().status;
      if (reconnecting && (s.kind === 'joined' || s.kind === 'reconnecting'))
        store.update({ status: { kind: 'reconnecting', joinedAt: s.joinedAt } });
    },
    audioVideoDidStart: () => {
      const s = store.get().status;
      store.update({
        status: {
          kind: 'joined',
          joinedAt: s.kind === 'reconnecting' || s.kind === 'joined' ? s.joinedAt : Date.now(),
        },
      });
      hooks.onStarted();
    },
    audioVideoDidStop: (status) => hooks.onStopped(leaveReasonOf(status)),
    videoTileDidUpdate: (state) => {
      const tile = tileOf(state);
      if (!tile) return;
      store.update((s) => ({
        tiles: [...s.tiles.filter((t) => t.tileId !== tile.tileId), tile].sort(
          (a, b) => a.tileId - b.tileId,
        ),
      }));
    },
    videoTileWasRemoved: (tileId) =>
      store.update((s) => ({ tiles: s.tiles.filter((t) => t.tileId !== tileId) })),
    connectionDidBecomePoor: () => store.update({ network: 'poor' }),
    connectionDidSuggestStopVideo: () => store.update({ network: 'poor' }),
    connectionDidBecomeGood: () => store.update({ network: 'good' }),
  };
  const content: ContentShareObserver = {
    contentShareDidStart: () => store.update({ sharing: true }),
    contentShareDidStop: () => store.update({ sharing: false }),
  };
  const devices: DeviceChangeObserver = {
    audioInputsChanged: () => hooks.onDevicesChanged(),
    audioOutputsChanged: () => hooks.onDevicesChanged(),
    videoInputsChanged: () => hooks.onDevicesChanged(),
    audioInputStreamEnded: () => hooks.onDeviceLost('microphone'),
    videoInputStreamEnded: () => hooks.onDeviceLost('camera'),
  };
  return { av, content, devices };
}

/**
 * Registers the observers and realtime subscriptions on a session; returns the function that
 * removes them all.
 */
export function attachSession(
  s: MediaSession,
  store: SnapshotStore,
  hooks: ObserverHooks,
  topics: string[],
): () => void {
  const { av, content, devices } = createObservers(store, hooks);
  s.addObserver(av);
  s.addContentShareObserver(content);
  s.addDeviceChangeObserver(devices);
  const offRealtime = subscribeRealtime(s, store, topics);
  return () => {
    s.removeObserver(av);
    s.removeContentShareObserver(content);
    s.removeDeviceChangeObserver(devices);
    offRealtime();
  };
}
