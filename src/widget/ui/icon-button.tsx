/**
 * The one round control of the widget: a Lucide icon over a short label. "Off" (muted mic, stopped
 * camera) is one convention everywhere: the crossed icon on a red-tinted button; the caller flips
 * the icon and the accessible name with the state ("Mute" / "Unmute").
 */
import type { ComponentProps } from 'react';
import type { LucideIcon } from 'lucide-react';

/** An icon button: its icon, accessible label, tone and whether the label shows. */
export interface IconButtonProps extends Omit<ComponentProps<'button'>, 'children'> {
  icon: LucideIcon;
  label: string;
  /** The toggle is in its off state (muted, camera stopped). */
  off?: boolean;
  tone?: 'default' | 'danger' | 'primary';
  /** Show the label under the icon (else it is the accessible name only, with a tooltip). */
  showLabel?: boolean;
}

/** A real button with an icon and an accessible name. */
export function IconButton({
  icon: Icon,
  label,
  off,
  tone = 'default',
  showLabel = true,
  className,
  ...rest
}: IconButtonProps) {
  return (
    <button
      type="button"
      {...rest}
      className={`cvw-icon-button cvw-tone-${tone}${off ? ' cvw-off' : ''} ${className ?? ''}`}
      aria-label={showLabel ? undefined : label}
      title={showLabel ? undefined : label}
    >
      <span className="cvw-icon-disc" aria-hidden="true">
        <Icon size={20} strokeWidth={2} />
      </span>
      {showLabel && <span className="cvw-icon-label">{label}</span>}
    </button>
  );
}
