/**
 * The one `<video>` bound to an engine tile, used by the customer widget and the agent desk. It
 * knows the engine only through {@link CallEngine} (no SDK types); how the video looks (object-fit,
 * mirroring) is the caller's, through `className`.
 */
import type { CallEngine } from './call-engine-api';
import { useTileRef } from './use-call-snapshot';

/** A video element bound to one engine tile: the engine, the tile id, its label and class. */
export interface VideoTileProps {
  engine: CallEngine | null;
  tileId: number;
  /** The accessible name, e.g. "Video of Sam". */
  label: string;
  className?: string;
  testId?: string;
  /** Whose video this is, written as `data-attendee` / `data-content` for the page's own checks. */
  attendeeId?: string;
  isContent?: boolean;
}

/**
 * Plays the tile muted and inline: call audio comes through the engine's audio element, not the
 * video.
 */
export function VideoTile({
  engine,
  tileId,
  label,
  className,
  testId,
  attendeeId,
  isContent,
}: VideoTileProps) {
  const ref = useTileRef(engine, tileId);
  return (
    <video
      ref={ref}
      className={className}
      aria-label={label}
      data-testid={testId}
      data-attendee={attendeeId}
      data-content={isContent === undefined ? undefined : String(isContent)}
      autoPlay
      playsInline
      muted
    />
  );
}
