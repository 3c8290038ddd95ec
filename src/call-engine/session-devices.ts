/**
 * Device steps of a call that must stay right when calls overlap: the camera switched on and off
 * quickly (each turn supersedes the previous one), or the call left while a device was starting
 * (what started after the leave is released again).
 */
import type { VideoInputDevice } from 'amazon-chime-sdk-js';
import type { MediaSession } from './media-session';
import { toDeviceError } from './device-errors';
import { keepOrFirst } from './device-lists';
import type { SnapshotStore } from './snapshot-store';

/** Stops camera and microphone; failures are ignored (the devices may never have started). */
export async function releaseDevices(s: MediaSession): Promise<void> {
  s.stopLocalVideoTile();
  await s.stopVideoInput().catch(() => undefined);
  await s.stopAudioInput().catch(() => undefined);
}

/**
 * The camera of one session; `ended()` says whether the call is over; `input` turns the chosen
 * camera into the device to start (through a background effect, background-session.ts).
 */
export function createCamera(
  s: MediaSession,
  store: SnapshotStore,
  ended: () => boolean,
  input: (deviceId: string) => Promise<VideoInputDevice> = async (id) => id,
) {
  let turn = 0;
  let wanted = false;
  return {
    /**
     * Turns the camera on or off; `beforeTile` runs once the camera delivers, just before its tile
     * starts.
     */
    async set(on: boolean, beforeTile?: () => void): Promise<void> {
      const mine = ++turn;
      wanted = on;
      if (!on) {
        s.stopLocalVideoTile();
        await s.stopVideoInput();
        if (mine === turn) store.update({ cameraOn: false });
        return;
      }
      const cam = keepOrFirst(store.get().devices.camera, store.get().devices.cameras);
      try {
        const device = await input(cam ?? 'default');
        if (mine !== turn || ended()) return;
        await s.startVideoInput(device);
      } catch (error) {
        if (mine !== turn || ended()) return;
        throw toDeviceError(error, 'starting the camera');
      }
      // A later turn or the end of the call won meanwhile: what this turn started may not stay on.
      if (ended() || (mine !== turn && !wanted))
        return void (await s.stopVideoInput().catch(() => undefined));
      if (mine !== turn) return;
      beforeTile?.();
      s.startLocalVideoTile();
      store.update((st) => ({
        cameraOn: true,
        devices: {
          ...st.devices,
          camera: cam,
          lost: st.devices.lost === 'camera' ? null : st.devices.lost,
        },
      }));
    },
    /** The camera in use stopped delivering: off, without touching the device again. */
    lost(): void {
      turn++;
      wanted = false;
      s.stopLocalVideoTile();
      store.update((st) => ({ cameraOn: false, devices: { ...st.devices, lost: 'camera' } }));
    },
  };
}
