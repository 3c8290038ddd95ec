/**
 * Realtime subscriptions of a joined session (presence, local mute, data messages) mapped onto the
 * snapshot store.
 */
import type { AudioVideoFacade } from 'amazon-chime-sdk-js';
import type { DataMessageInfo } from './call-types';
import type { SnapshotStore } from './snapshot-store';

/** How many data messages the snapshot keeps. */
export const MAX_MESSAGES = 50;

/** Appends one message to the snapshot's bounded list. */
export function pushMessage(store: SnapshotStore, info: DataMessageInfo): void {
  store.update((s) => ({ messages: [...s.messages, info].slice(-MAX_MESSAGES) }));
}

/** Subscribes presence, local mute state and the given data-message topics. */
export function subscribeRealtime(av: AudioVideoFacade, store: SnapshotStore, topics: string[]): void {
  av.realtimeSubscribeToAttendeeIdPresence((attendeeId, present, externalUserId) => {
    store.update((s) => ({
      attendees: present
        ? [...s.attendees.filter((x) => x.attendeeId !== attendeeId), { attendeeId, externalUserId: externalUserId ?? '', isContent: attendeeId.includes('#content') }]
        : s.attendees.filter((x) => x.attendeeId !== attendeeId),
    }));
  });
  av.realtimeSubscribeToMuteAndUnmuteLocalAudio((muted) => store.update({ muted }));
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
}
