/** A <video> bound to one engine tile by id; presentational, no SDK types. */
import type { CallEngine } from '../../call-engine/call-engine-api';
import { useTileRef } from '../../call-engine/use-call-engine';

export interface VideoTileProps {
  engine: CallEngine | null;
  tileId: number;
  label: string;
  className?: string;
  mirrored?: boolean;
  testId?: string;
}

export function VideoTile({ engine, tileId, label, className, mirrored, testId }: VideoTileProps) {
  const ref = useTileRef(engine, tileId);
  return (
    <video
      ref={ref}
      className={`${className ?? ''}${mirrored ? ' cvw-mirrored' : ''}`}
      aria-label={label}
      data-testid={testId}
      autoPlay
      playsInline
      muted
    />
  );
}
