/**
 * The in-call stage: the agent's screen share as the main view with their camera as a thumbnail,
 * else the agent's camera (or initials); the customer's self-view small, mirrored, initials when
 * the camera is off. Every tile carries a name and a muted badge.
 */
import { useRef } from 'react';
import { Maximize } from 'lucide-react';
import type { CallEngine } from '../../call-engine/call-engine-api';
import { VideoTile } from '../../call-engine/video-tile';
import {
  localVideoTile,
  remoteAttendees,
  remoteContentTile,
  remoteVideoTile,
} from '../../call-engine/call-selectors';
import type { CallSnapshot } from '../../call-engine/call-types';
import type { Strings } from '../strings/strings';
import { IconButton } from '../ui/icon-button';
import { Tile } from '../ui/tile';

/** The agent is muted (from the engine's volume indicator; false until the engine reports it). */
export function agentMuted(snap: CallSnapshot): boolean {
  return remoteAttendees(snap).some((a) => !a.isContent && a.muted);
}

export interface CallStageProps {
  t: Strings;
  engine: CallEngine;
  snap: CallSnapshot;
  agentName: string;
  selfName: string;
  showContent: boolean;
}

export function CallStage({ t, engine, snap, agentName, selfName, showContent }: CallStageProps) {
  const contentRef = useRef<HTMLDivElement>(null);
  const remote = remoteVideoTile(snap);
  const self = localVideoTile(snap);
  const content = showContent ? remoteContentTile(snap) : undefined;
  const agentTile = (kind: 'main' | 'thumb') => (
    <Tile
      t={t}
      engine={engine}
      tileId={remote ? remote.tileId : null}
      active={remote?.active}
      name={agentName}
      videoLabel={t.agentVideo(agentName)}
      muted={agentMuted(snap)}
      kind={kind}
      testId="agent-video"
    />
  );
  return (
    <div className={`cvw-stage${content ? ' cvw-stage-sharing' : ''}`}>
      {content ? (
        <div className="cvw-content" ref={contentRef}>
          <VideoTile
            engine={engine}
            tileId={content.tileId}
            label={t.agentScreen(agentName)}
            className="cvw-content-video"
            testId="agent-screen"
          />
          <IconButton
            icon={Maximize}
            label={t.fullScreen}
            className="cvw-fullscreen"
            showLabel={false}
            onClick={() => void contentRef.current?.requestFullscreen?.()}
          />
        </div>
      ) : (
        agentTile('main')
      )}
      <div className="cvw-thumbs">
        {content && agentTile('thumb')}
        <Tile
          t={t}
          engine={engine}
          tileId={self && snap.cameraOn ? self.tileId : null}
          name={selfName || t.you}
          videoLabel={t.selfView}
          muted={snap.muted}
          kind="thumb"
          mirrored
          testId="self-view"
          mutedLabel={t.youMuted}
        />
      </div>
    </div>
  );
}
