/**
 * The call in the picture-in-picture window: the agent's video (or initials), the call time, Mute
 * and End. It owns no call state: it reads the engine's one snapshot through selectors, as the
 * panel does.
 */
import { Mic, MicOff, PhoneOff } from 'lucide-react';
import type { CallEngine } from '../../call-engine/call-engine-api';
import type { CallSnapshot } from '../../call-engine/call-types';
import { remoteAttendees, remoteVideoTile } from '../../call-engine/call-selectors';
import type { useCallSnapshot } from '../../call-engine/use-call-snapshot';
import { formatDuration } from '../../shared/format-duration';
import type { Strings } from '../strings/strings';
import { IconButton } from '../ui/icon-button';
import type { Tile } from '../ui/tile';
import { useNow } from '../ui/use-now';

/**
 * The engine bindings, handed over by the call UI rather than imported: this view loads lazily, and
 * a lazy chunk importing them made the bundler move the engine's shared modules out of the call UI
 * chunk into one of their own (1 KB more before a call is joined).
 */
export interface EngineBindings {
  useCallSnapshot: typeof useCallSnapshot;
  Tile: typeof Tile;
}

/** What the picture-in-picture window shows and does. */
export interface PipViewProps {
  t: Strings;
  engine: CallEngine;
  bindings: EngineBindings;
  agentName: string;
  connectedAt: number;
  onEnd: () => void;
}

const agentTile = (s: CallSnapshot) => remoteVideoTile(s) ?? null;
const sameTile = (a: ReturnType<typeof agentTile>, b: ReturnType<typeof agentTile>) =>
  a?.tileId === b?.tileId && a?.active === b?.active;
const selfMuted = (s: CallSnapshot) => s.muted;
const agentMuted = (s: CallSnapshot) => remoteAttendees(s).some((a) => !a.isContent && a.muted);

/**
 * The picture-in-picture window's call: the agent's video or initials, the call time, Mute and End.
 */
export function PipView({ t, engine, bindings, agentName, connectedAt, onEnd }: PipViewProps) {
  const { useCallSnapshot: useSnapshot, Tile } = bindings;
  const remote = useSnapshot(engine, agentTile, sameTile);
  const muted = useSnapshot(engine, selfMuted);
  const agentOff = useSnapshot(engine, agentMuted);
  const now = useNow(connectedAt);
  return (
    <div className="cvw-pip" dir={t.dir} data-testid="pip-call">
      <div className="cvw-pip-stage">
        <Tile
          t={t}
          engine={engine}
          tileId={remote ? remote.tileId : null}
          active={remote?.active}
          name={agentName}
          videoLabel={t.agentVideo(agentName)}
          muted={agentOff}
          kind="main"
          testId="pip-video"
        />
      </div>
      <div className="cvw-pip-bar" role="toolbar" aria-label={t.dialogTitle}>
        <span className="cvw-timer" data-testid="pip-timer">
          {t.callTime(formatDuration((now - connectedAt) / 1000))}
        </span>
        <IconButton
          icon={muted ? MicOff : Mic}
          label={muted ? t.unmute : t.mute}
          off={muted}
          showLabel={false}
          onClick={() => engine.setMuted(!muted)}
        />
        <IconButton
          icon={PhoneOff}
          label={t.endCall}
          tone="danger"
          showLabel={false}
          onClick={onEnd}
        />
      </div>
    </div>
  );
}
