/**
 * The in-call stage. With one other person: the agent's camera (or initials) as the main view and
 * the customer's self-view small, mirrored. With two to five others: a grid of everyone, the
 * customer included, the agent marked by a badge and whoever speaks highlighted. A shared screen is
 * always the main view, everyone else as thumbnails beside it. Every tile has a name and a muted
 * badge.
 */
import { useRef } from 'react';
import { Maximize } from 'lucide-react';
import type { CallEngine } from '../../call-engine/call-engine-api';
import { VideoTile } from '../../call-engine/video-tile';
import {
  remoteAttendees,
  remoteContentTile,
  remoteParticipants,
  selfView,
} from '../../call-engine/call-selectors';
import type { CallSnapshot } from '../../call-engine/call-types';
import { equalData, useCallSnapshot } from '../../call-engine/use-call-snapshot';
import type { Strings } from '../strings/strings';
import { IconButton } from '../ui/icon-button';
import { Tile } from '../ui/tile';
import { nameParticipants, type NamedParticipant } from './participant-names';

/** The agent is muted (from the engine's volume indicator; false until the engine reports it). */
export function agentMuted(snap: CallSnapshot): boolean {
  return remoteAttendees(snap).some((a) => !a.isContent && a.muted);
}

/** What the stage needs beyond the engine's snapshot: names and whether a share is shown. */
export interface CallStageProps {
  t: Strings;
  engine: CallEngine;
  agentName: string;
  selfName: string;
  showContent: boolean;
  /** Names of the people the agent added, by participant id. */
  people?: Record<string, string>;
}

/**
 * The in-call stage: the agent (or a grid of everyone) and the self-view, a shared screen as the
 * main view.
 */
export function CallStage({
  t,
  engine,
  agentName,
  selfName,
  showContent,
  people = {},
}: CallStageProps) {
  const contentRef = useRef<HTMLDivElement>(null);
  const self = useCallSnapshot(engine, selfView, equalData);
  const shared = useCallSnapshot(engine, remoteContentTile, equalData);
  const content = showContent ? shared : undefined;
  const remote = useCallSnapshot(engine, remoteParticipants, equalData);
  const others = nameParticipants(remote, people, agentName, t);
  const group = others.length > 1;
  const tileOf = (p: NamedParticipant, kind: 'main' | 'thumb') => (
    <Tile
      key={p.attendeeId}
      t={t}
      engine={engine}
      tileId={p.tile ? p.tile.tileId : null}
      active={p.tile?.active}
      name={p.name}
      videoLabel={t.agentVideo(p.name)}
      muted={p.muted}
      kind={kind}
      speaking={group && p.speaking}
      badge={group && p.agent ? t.agentBadge : undefined}
      testId={p.agent ? 'agent-video' : 'participant-video'}
    />
  );
  // Before the agent's media arrives the main view still names them (initials), as in a two-party
  // call; no one else is present then, so no one is muted.
  const agent = others.find((p) => p.agent) ?? {
    attendeeId: 'agent',
    externalUserId: '',
    muted: false,
    speaking: false,
    name: agentName,
    agent: true,
  };
  const selfTile = (kind: 'main' | 'thumb') => (
    <Tile
      t={t}
      engine={engine}
      tileId={self.tileId}
      name={selfName || t.you}
      videoLabel={t.selfView}
      muted={self.muted}
      kind={kind}
      mirrored
      speaking={group && self.speaking}
      testId="self-view"
      mutedLabel={t.youMuted}
    />
  );
  if (group && !content)
    return (
      <div className={`cvw-stage cvw-grid cvw-grid-${Math.min(others.length + 1, 6)}`}>
        {others.map((p) => tileOf(p, 'main'))}
        {selfTile('main')}
      </div>
    );
  return (
    <div className={`cvw-stage${content ? ' cvw-stage-sharing' : ''}`}>
      {content ? (
        <div className="cvw-content" ref={contentRef}>
          <VideoTile
            engine={engine}
            tileId={content.tileId}
            label={t.agentScreen(
              others.find((p) => content.attendeeId.startsWith(p.attendeeId))?.name ?? agentName,
            )}
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
        tileOf(agent, 'main')
      )}
      <div className="cvw-thumbs">
        {content && (group ? others : [agent]).map((p) => tileOf(p, 'thumb'))}
        {selfTile('thumb')}
      </div>
    </div>
  );
}
