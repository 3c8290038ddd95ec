/**
 * Realtime subscriptions of a joined session (presence with each attendee's muted state, the active
 * speaker from the volume indicators, local mute, data messages) mapped onto the snapshot store.
 * Every subscription made here is undone by the function `subscribeRealtime` returns.
 */
import type { VolumeIndicatorCallback } from 'amazon-chime-sdk-js';
import { nextActiveSpeaker } from './active-speaker';
import type { DataMessageInfo, PresentAttendee } from './call-types';
import type { MediaSession } from './media-session';
import type { SnapshotStore } from './snapshot-store';

/** How many data messages the snapshot keeps. */
const MAX_MESSAGES = 50;

/** Appends one message to the snapshot's bounded list. */
export function pushMessage(store: SnapshotStore, info: DataMessageInfo): void {
  store.update((s) => ({ messages: [...s.messages, info].slice(-MAX_MESSAGES) }));
}

function setMuted(
  attendees: PresentAttendee[],
  attendeeId: string,
  muted: boolean,
): PresentAttendee[] {
  if (!attendees.some((a) => a.attendeeId === attendeeId && a.muted !== muted)) return attendees;
  return attendees.map((a) => (a.attendeeId === attendeeId ? { ...a, muted } : a));
}

/**
 * Subscribes presence, muted states, local mute and the given topics; returns the unsubscribe
 * function.
 */
export function subscribeRealtime(
  av: MediaSession,
  store: SnapshotStore,
  topics: string[],
): () => void {
  const watched = new Set<string>();
  /** Each watched attendee's last volume (0 while muted), for the active speaker. */
  const levels = new Map<string, number>();
  // `muted` is null when only the volume or signal strength changed; `volume` null when only mute
  // did.
  const onVolume: VolumeIndicatorCallback = (attendeeId, volume, muted) => {
    store.update((s) => {
      const attendees = muted === null ? s.attendees : setMuted(s.attendees, attendeeId, muted);
      const silent = attendees.find((a) => a.attendeeId === attendeeId)?.muted ?? false;
      if (volume !== null || muted !== null)
        levels.set(attendeeId, silent ? 0 : (volume ?? levels.get(attendeeId) ?? 0));
      return { attendees, activeSpeakerId: nextActiveSpeaker(s.activeSpeakerId, levels) };
    });
  };
  const onPresence = (attendeeId: string, present: boolean, externalUserId?: string) => {
    const isContent = attendeeId.includes('#content');
    if (present && !isContent && !watched.has(attendeeId)) {
      watched.add(attendeeId);
      av.realtimeSubscribeToVolumeIndicator(attendeeId, onVolume);
    } else if (!present && watched.delete(attendeeId)) {
      av.realtimeUnsubscribeFromVolumeIndicator(attendeeId, onVolume);
      levels.delete(attendeeId);
    }
    store.update((s) => {
      const others = s.attendees.filter((x) => x.attendeeId !== attendeeId);
      const muted = s.attendees.find((x) => x.attendeeId === attendeeId)?.muted ?? false;
      return {
        attendees: present
          ? [...others, { attendeeId, externalUserId: externalUserId ?? '', isContent, muted }]
          : others,
        activeSpeakerId: nextActiveSpeaker(
          !present && s.activeSpeakerId === attendeeId ? null : s.activeSpeakerId,
          levels,
        ),
      };
    });
  };
  const onLocalMute = (muted: boolean) => store.update({ muted });
  av.realtimeSubscribeToAttendeeIdPresence(onPresence);
  av.realtimeSubscribeToMuteAndUnmuteLocalAudio(onLocalMute);
  for (const topic of topics) {
    av.realtimeSubscribeToReceiveDataMessage(topic, (m) =>
      pushMessage(store, {
        topic: m.topic,
        text: m.text(),
        senderAttendeeId: m.senderAttendeeId,
        senderExternalUserId: m.senderExternalUserId,
        timestampMs: m.timestampMs,
        local: false,
      }),
    );
  }
  return () => {
    av.realtimeUnsubscribeToAttendeeIdPresence(onPresence);
    av.realtimeUnsubscribeToMuteAndUnmuteLocalAudio(onLocalMute);
    for (const id of watched) av.realtimeUnsubscribeFromVolumeIndicator(id, onVolume);
    watched.clear();
    levels.clear();
    for (const topic of topics) av.realtimeUnsubscribeFromReceiveDataMessage(topic);
  };
}
