/** Initials on a coloured disc, shown in place of a camera that is off. */

/** Up to two initials of a display name ("Sam Okafor" -> "SO"). */
function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((p) => Array.from(p ?? '')[0]?.toUpperCase() ?? '').join('') || '?';
}

/** `cover` lays the initials over a video that has no frames yet. */
export function Avatar({ name, small, cover }: { name: string; small?: boolean; cover?: boolean }) {
  const disc = (
    <div className={`cvw-avatar${small ? ' cvw-avatar-small' : ''}`} aria-hidden="true">
      <span>{initialsOf(name)}</span>
    </div>
  );
  return cover ? <div className="cvw-avatar-cover">{disc}</div> : disc;
}
