/**
 * The call part of the join page: self view, the agent's video and every other participant's, a
 * shared screen, Mute, Camera and (when allowed) Share screen toggles (aria-pressed), Leave, and
 * the status line in a polite live region. A participant the agent added joins with the same page.
 */
import { useEffect, useState } from 'react';
import {
  isAudioBlocked,
  localVideoTile,
  remoteContentTile,
  remoteParticipants,
  selfMedia,
  statusKind,
  type RemoteParticipant,
} from '../call-engine/call-selectors';
import type { CallEngine } from '../call-engine/call-engine-api';
import type { CallSnapshot } from '../call-engine/call-types';
import { equalData, useCallSnapshot } from '../call-engine/use-call-snapshot';
import { VideoTile } from '../call-engine/video-tile';
import { SCREEN_SHARING_TOPIC } from '../shared/connect-schemas';
import type { JoinPayload } from './join-payload';
import { statusText } from './join-status';
import { joinStrings as t } from './join-strings';

/** The join link's payload and how to load the call engine. */
export interface JoinCallProps {
  payload: JoinPayload;
  loadEngine: () => Promise<CallEngine>;
}

/** The status sentence of a snapshot (a string: re-renders only when the sentence changes). */
const joinStatus = (s: CallSnapshot) => statusText(s, t);

/** The /join/ page's call: joins the meeting from the link and shows everyone. */
export function JoinCall({ payload, loadEngine }: JoinCallProps) {
  const [engine, setEngine] = useState<CallEngine | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const self = useCallSnapshot(engine, localVideoTile, equalData);
  const people = useCallSnapshot(engine, remoteParticipants, equalData);
  const content = useCallSnapshot(engine, remoteContentTile, equalData);
  const media = useCallSnapshot(engine, selfMedia, equalData);
  const kind = useCallSnapshot(engine, statusKind);
  const audioBlocked = useCallSnapshot(engine, isAudioBlocked);
  const status = useCallSnapshot(engine, joinStatus);
  const canVideo = payload.allowedCapabilities?.Customer?.Video === 'SEND';
  const canShare = payload.allowedCapabilities?.Customer?.ScreenShare === 'SEND';
  const asParticipant = payload.joiningAs === 'participant';
  const cameras = people.filter((p) => p.tile);
  const inCall = kind === 'joined' || kind === 'reconnecting';
  // The customer's first remote is the agent (as before multi-party); an added participant sees the
  // agent by the agent's attendee, everyone else numbered.
  const labelOf = (p: RemoteParticipant, i: number) =>
    (asParticipant ? p.externalUserId.startsWith('agent-') : i === 0)
      ? t.remoteVideo
      : t.participantVideo(i + 1);

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
        {loadError ? t.status.failed(loadError) : status}
      </p>
      {!inCall && kind !== 'joining' && (
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
            {media.cameraOn && (
              <figure className="join-self">
                {self && <VideoTile engine={engine} tileId={self.tileId} label={t.selfView} />}
                <figcaption>{t.selfView}</figcaption>
              </figure>
            )}
          </div>
          <div role="toolbar" aria-label={t.controls} className="join-controls">
            <button
              type="button"
              aria-pressed={media.muted}
              onClick={() => engine?.setMuted(!media.muted)}
            >
              {t.mute}
            </button>
            {canVideo && (
              <button
                type="button"
                aria-pressed={media.cameraOn}
                onClick={() => void engine?.setCameraOn(!media.cameraOn)}
              >
                {t.camera}
              </button>
            )}
            {canShare && (
              <button
                type="button"
                aria-pressed={media.sharing}
                onClick={() =>
                  media.sharing
                    ? engine?.stopScreenShare()
                    : void engine?.startScreenShare().catch((e: Error) => setLoadError(e.message))
                }
              >
                {t.shareScreen}
              </button>
            )}
            {audioBlocked && (
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
