/** One video tile of the call, bound to its `<video>` through the call engine; labelled, with an optional badge (e.g. Muted). */
import type { CallEngine } from '../call-engine/call-engine-api';
import type { TileInfo } from '../call-engine/call-types';
import { useTileRef } from '../call-engine/use-call-engine';

export function VideoTile({ engine, tile, label, badge, className }: { engine: CallEngine | null; tile: TileInfo; label: string; badge?: string; className: string }) {
  const ref = useTileRef(engine, tile.tileId);
  return (
    <figure className={`tile ${className}`}>
      <video ref={ref} autoPlay muted playsInline aria-label={label} data-attendee={tile.attendeeId} data-content={String(tile.isContent)} />
      <figcaption>
        {label}
        {badge && <span className="tile-badge">{badge}</span>}
      </figcaption>
    </figure>
  );
}
