/**
 * Customer screen sharing is enabled only while the agent has enabled it: the last message on
 * AMAZON_CONNECT_SCREEN_SHARING from the other side says ScreenSharingStarted.
 */
import { lastMessageOn } from '../../call-engine/call-selectors';
import type { CallSnapshot } from '../../call-engine/call-types';
import { SCREEN_SHARING_TOPIC, ScreenSharingMessage } from '../../shared/connect-schemas';

/** The agent's latest screen-sharing instruction, or null if none (or malformed). */
export function screenSharingInstruction(
  snap: CallSnapshot,
): ScreenSharingMessage['message'] | null {
  const last = lastMessageOn(snap, SCREEN_SHARING_TOPIC);
  if (!last) return null;
  try {
    const parsed = ScreenSharingMessage.safeParse(JSON.parse(last.text));
    return parsed.success ? parsed.data.message : null;
  } catch {
    return null;
  }
}

/** Whether the customer may share their screen now (allowed, and enabled by the agent). */
export function screenShareEnabled(snap: CallSnapshot): boolean {
  return screenSharingInstruction(snap) === 'ScreenSharingStarted';
}
