/**
 * The minimised call: a floating bubble with the agent's video (or initials), the timer, Mute, End
 * and expand. The call goes on underneath; only End ends it.
 */
import { Maximize2, Mic, MicOff, PhoneOff } from 'lucide-react';
import type { CallEngine } from '../../call-engine/call-engine-api';
import { isMuted, remoteVideoTile } from '../../call-engine/call-selectors';
import { equalData, useCallSnapshot } from '../../call-engine/use-call-snapshot';
import type { SessionPhase } from '../call-session-types';
import { formatDuration } from '../../shared/format-duration';
import type { Strings } from '../strings/strings';
import { IconButton } from '../ui/icon-button';
import { Tile } from '../ui/tile';
import { useNow } from '../ui/use-now';
import { agentMuted } from './call-stage';
import { callSeconds } from './in-call-screen';

/** The minimised call and its actions. */
export interface BubbleProps {
  t: Strings;
  phase: Extract<SessionPhase, { phase: 'connecting' | 'in-call' }>;
  engine: CallEngine | null;
  agentName: string;
  onExpand: () => void;
  onEnd: () => void;
}

/** The minimised call: a small bubble with the agent, the time, Open and End. */
export function MinimisedBubble({ t, phase, engine, agentName, onExpand, onEnd }: BubbleProps) {
  const video = useCallSnapshot(engine, remoteVideoTile, equalData);
  const agentIsMuted = useCallSnapshot(engine, agentMuted);
  const muted = useCallSnapshot(engine, isMuted);
  const inCall = phase.phase === 'in-call';
  const now = useNow(inCall ? phase.connectedAt : phase.startedAt);
  const remote = inCall ? video : undefined;
  const name = inCall ? agentName || t.agent : t.connectingTitle;
  const time = inCall
    ? t.callTime(formatDuration(callSeconds(phase.connectedAt, now)))
    : t.waitingFor(formatDuration((now - phase.startedAt) / 1000));
  return (
    <div
      className="cvw-bubble"
      role="region"
      aria-label={t.minimisedCall(name)}
      data-testid="call-bubble"
    >
      <Tile
        t={t}
        engine={engine}
        tileId={remote ? remote.tileId : null}
        active={remote?.active}
        name={name}
        videoLabel={t.agentVideo(name)}
        muted={inCall && agentIsMuted}
        kind="thumb"
        testId="bubble-video"
      />
      <span className="cvw-timer" data-testid="bubble-timer">
        {time}
      </span>
      <div className="cvw-bubble-actions">
        <IconButton
          icon={muted ? MicOff : Mic}
          label={muted ? t.unmute : t.mute}
          off={muted}
          showLabel={false}
          onClick={() => engine?.setMuted(!muted)}
        />
        <IconButton
          icon={PhoneOff}
          label={t.endCall}
          tone="danger"
          showLabel={false}
          onClick={onEnd}
        />
        <IconButton
          icon={Maximize2}
          label={t.expand}
          tone="primary"
          showLabel={false}
          onClick={onExpand}
          data-cvw-expand=""
        />
      </div>
    </div>
  );
}
