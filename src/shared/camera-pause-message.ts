/**
 * The customer's camera paused because their page went to the background (phones stop capture
 * there: iOS always), and resumed when it came back: a Chime data message from the widget, so the
 * agent reads why the video stopped instead of guessing at a broken call. No zod here: the widget's
 * call UI imports this, and its download budget has no room for a schema library.
 */

/** The data-message topic (Chime topics: `^[a-zA-Z0-9_-]{1,36}$`). */
export const CAMERA_PAUSE_TOPIC = 'cvc-customer-camera';

/** Payload of a message on {@link CAMERA_PAUSE_TOPIC}. */
export interface CameraPauseMessage {
  camera: 'paused-in-background' | 'resumed';
}

/** The camera state a message on the topic carries, or null when it is not one. */
export function parseCameraPause(text: string): CameraPauseMessage['camera'] | null {
  try {
    const camera = (JSON.parse(text) as { camera?: unknown } | null)?.camera;
    return camera === 'paused-in-background' || camera === 'resumed' ? camera : null;
  } catch {
    return null;
  }
}
