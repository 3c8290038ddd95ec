/**
 * A participant tile that explains itself: the video (or initials when the camera is off), the
 * person's name, a role badge (Agent), a muted badge, and a highlight while they speak.
 */
import { MicOff } from 'lucide-react';
import type { CallEngine } from '../../call-engine/call-engine-api';
import { VideoTile } from '../../call-engine/video-tile';
import type { Strings } from '../strings/strings';
import { Avatar } from './avatar';

/** One person's tile: video or initials, name, muted badge, speaking ring. */
export interface TileProps {
  t: Strings;
  engine: CallEngine | null;
  /** The video tile to show, or null when the camera is off. */
  tileId: number | null;
  /**
   * The tile has frames to show. Chime reports a tile active only once a <video> is bound to it, so
   * the video is always rendered and the initials cover it while it is not active (paused, no
   * stream).
   */
  active?: boolean;
  name: string;
  videoLabel: string;
  muted: boolean;
  kind: 'main' | 'thumb';
  mirrored?: boolean;
  testId?: string;
  /** The muted badge's name when it is not "<name> is muted" (the customer's own tile). */
  mutedLabel?: string;
  /** This person is speaking now (highlighted). */
  speaking?: boolean;
  /** A role badge after the name (the agent's, in a call of three or more). */
  badge?: string;
}

/** One person on the stage. */
export function Tile({
  t,
  engine,
  tileId,
  active = true,
  name,
  videoLabel,
  muted,
  kind,
  mirrored,
  testId,
  mutedLabel,
  speaking,
  badge,
}: TileProps) {
  return (
    <figure
      className={`cvw-tile cvw-tile-${kind}${speaking ? ' cvw-speaking' : ''}`}
      data-speaking={speaking || undefined}
      data-testid={testId ? `${testId}-tile` : undefined}
    >
      {tileId !== null && (
        <VideoTile
          engine={engine}
          tileId={tileId}
          label={videoLabel}
          className={mirrored ? 'cvw-tile-video cvw-mirrored' : 'cvw-tile-video'}
          testId={testId}
        />
      )}
      {(tileId === null || !active) && (
        <Avatar name={name} small={kind === 'thumb'} cover={tileId !== null} />
      )}
      <figcaption className="cvw-tile-name">
        {muted && (
          <span className="cvw-muted-badge" role="img" aria-label={mutedLabel ?? t.mutedName(name)}>
            <MicOff size={14} aria-hidden="true" />
          </span>
        )}
        {badge && <b className="cvw-role">{badge}</b>}
        <span>{name}</span>
      </figcaption>
    </figure>
  );
}
