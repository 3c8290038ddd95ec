/**
 * One tile of the desk's call: the engine's video, labelled, with an optional badge (e.g. Muted).
 */
import type { CallEngine } from '../call-engine/call-engine-api';
import type { TileInfo } from '../call-engine/call-types';
import { VideoTile } from '../call-engine/video-tile';

/** A video tile of the desk: the engine, the tile, its label and badge. */
export interface DeskTileProps {
  engine: CallEngine | null;
  tile: TileInfo;
  label: string;
  badge?: string;
  /** Placement and look in desk.css: `main`, `content`, `side`, `self` (mirrored). */
  className: string;
}

/** One video on the desk, bound through the shared VideoTile. */
export function DeskTile({ engine, tile, label, badge, className }: DeskTileProps) {
  return (
    <figure className={`tile ${className}`}>
      <VideoTile
        engine={engine}
        tileId={tile.tileId}
        label={label}
        attendeeId={tile.attendeeId}
        isContent={tile.isContent}
      />
      <figcaption>
        {label}
        {badge && <span className="tile-badge">{badge}</span>}
      </figcaption>
    </figure>
  );
}
