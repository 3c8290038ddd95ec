/**
 * The call part of the join page: self view, the agent's video and every other participant's, a
 * shared screen, Mute, Camera and (when allowed) Share screen toggles (aria-pressed), Leave, and the
 * status line in a polite live region. A participant the agent added joins with the same page.
 */
import { useEffect, useState } from 'react';
import {
  localVideoTile,
  remoteContentTile,
  remoteParticipants,
  type RemoteParticipant,
} from '../call-engine/call-selectors';
import type { CallEngine } from '../call-engine/call-engine-api';
import {
  sameIgnoringMessages,
  useCallSnapshot,
  wholeSnapshot,
} from '../call-engine/use-call-snapshot';
import { VideoTile } from '../call-engine/video-tile';
import { SCREEN_SHARING_TOPIC } from '../shared/connect-schemas';
import type { JoinPayload } from './join-payload';
import { statusText } from './join-status';
import { joinStrings as t } from './join-strings';

export interface JoinCallProps {
  payload: JoinPayload;
  loadEngine: () => Promise<CallEngine>;
}

export function JoinCall({ payload, loadEngine }: JoinCallProps) {
  const [engine, setEngine] = useState<CallEngine | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const snap = useCallSnapshot(engine, wholeSnapshot, sameIgnoringMessages);
  const canVideo = payload.allowedCapabilities?.Customer?.Video === 'SEND';
  const canShare = payload.allowedCapabilities?.Customer?.ScreenShare === 'SEND';
  const asParticipant = payload.joiningAs === 'participant';
  const self = localVideoTile(snap);
  const people = remoteParticipants(snap);
  const cameras = people.filter((p) => p.tile);
  const content = remoteContentTile(snap);
  // The customer's first remote is the agent (as before multi-party); an added participant sees the
  // agent by the agent's attendee, everyone else numbered.
  const labelOf = (p: RemoteParticipant, i: number) =>
    (asParticipant ? p.externalUserId.startsWith('agent-') : i === 0)
      ? t.remoteVideo
      : t.participantVideo(i + 1);
  const inCall = snap.status.kind === 'joined' || snap.status.kind === 'reconnecting';

  // Leave (and release the camera) when the page goes away.
  useEffect(() => () => void engine?.leave(), [engine]);

  const join = async () => {
    setLoadError(null);
    try {
      // A fresh engine per attempt: one that has left or failed is not reused.
      const e = await loadEngine();
      setEngine(e);
      await e.join({
        credentials: payload.connectionData,
        video: canVideo,
        topics: [SCREEN_SHARING_TOPIC],
      });
    } catch (err) {
      setLoadError((err as Error).message);
    }
  };

  return (
    <section aria-labelledby="join-title">
      <h1 id="join-title">{t.title}</h1>
      <p>{t.intro(payload.displayName, payload.contactId, asParticipant)}</p>
      <p role="status" aria-live="polite" className="join-status">
        {loadError ? t.status.failed(loadError) : statusText(snap, t)}
      </p>
      {!inCall && snap.status.kind !== 'joining' && (
        <button type="button" className="join-primary" onClick={() => void join()}>
          {t.join}
        </button>
      )}
      {inCall && (
        <>
          <div className="join-videos">
            {cameras.length === 0 && (
              <figure>
                <p>{t.noRemoteVideo}</p>
              </figure>
            )}
            {cameras.map((p) => {
              const label = labelOf(p, people.indexOf(p));
              return (
                <figure key={p.attendeeId} className={p.speaking ? 'join-speaking' : undefined}>
                  <VideoTile engine={engine} tileId={p.tile?.tileId ?? 0} label={label} />
                  <figcaption>
                    {label}
                    {p.muted && ` (${t.muted})`}
                  </figcaption>
                </figure>
              );
            })}
            {content && (
              <figure>
                <VideoTile engine={engine} tileId={content.tileId} label={t.remoteContent} />
                <figcaption>{t.remoteContent}</figcaption>
              </figure>
            )}
            {snap.cameraOn && (
              <figure className="join-self">
                {self && <VideoTile engine={engine} tileId={self.tileId} label={t.selfView} />}
                <figcaption>{t.selfView}</figcaption>
              </figure>
            )}
          </div>
          <div role="toolbar" aria-label={t.controls} className="join-controls">
            <button
              type="button"
              aria-pressed={snap.muted}
              onClick={() => engine?.setMuted(!snap.muted)}
            >
              {t.mute}
            </button>
            {canVideo && (
              <button
                type="button"
                aria-pressed={snap.cameraOn}
                onClick={() => void engine?.setCameraOn(!snap.cameraOn)}
              >
                {t.camera}
              </button>
            )}
            {canShare && (
              <button
                type="button"
                aria-pressed={snap.sharing}
                onClick={() =>
                  snap.sharing
                    ? engine?.stopScreenShare()
                    : void engine?.startScreenShare().catch((e: Error) => setLoadError(e.message))
                }
              >
                {t.shareScreen}
              </button>
            )}
            {snap.audioBlocked && (
              <button type="button" onClick={() => void engine?.startAudio()}>
                {t.startAudio}
              </button>
            )}
            <button type="button" className="join-leave" onClick={() => void engine?.leave()}>
              {t.leave}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
