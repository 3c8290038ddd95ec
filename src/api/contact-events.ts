/**
 * Contact events from the Amazon Connect Participant Service WebSocket (chat protocol): captions of
 * flow prompts, the agent's arrival (with name), other participants joining (with name) and the end
 * of the contact. Status polling covers the
 * same facts if this socket is unavailable.
 */
import { z } from 'zod/mini';

const Envelope = z.object({ topic: z.string(), content: z.optional(z.string()) });
const Item = z.object({
  Type: z.string(),
  ContentType: z.optional(z.string()),
  Content: z.optional(z.string()),
  ParticipantRole: z.optional(z.string()),
  DisplayName: z.optional(z.string()),
  AbsoluteTime: z.optional(z.string()),
  Id: z.optional(z.string()),
  ParticipantId: z.optional(z.string()),
});

/** The Participant Service's participant-joined event type. */
export const JOINED = 'application/vnd.amazonaws.connect.event.participant.joined';
/** The Participant Service's contact-ended event type. */
export const ENDED = 'application/vnd.amazonaws.connect.event.chat.ended';

/** What the widget learns from the contact itself. */
export type ContactEvent =
  | { type: 'caption'; id: string; text: string; at: string }
  | { type: 'agent-joined'; name: string }
  /** Someone the agent added to the call (Connect CreateParticipant), by participant id. */
  | { type: 'participant-joined'; participantId: string; name: string }
  | { type: 'ended' };

/** Maps one WebSocket frame to a contact event (or null for frames the widget does not use). */
export function parseContactFrame(frame: string): ContactEvent | null {
  let env: z.infer<typeof Envelope>;
  let item: z.infer<typeof Item>;
  try {
    env = Envelope.parse(JSON.parse(frame));
    if (env.topic !== 'aws/chat' || !env.content) return null;
    item = Item.parse(JSON.parse(env.content));
  } catch {
    return null;
  }
  if (
    item.Type === 'MESSAGE' &&
    item.ParticipantRole === 'SYSTEM' &&
    item.ContentType === 'text/plain' &&
    item.Content
  ) {
    return {
      type: 'caption',
      id: item.Id ?? item.AbsoluteTime ?? item.Content,
      text: item.Content,
      at: item.AbsoluteTime ?? '',
    };
  }
  if (item.Type === 'EVENT' && item.ContentType === JOINED && item.ParticipantRole === 'AGENT')
    return { type: 'agent-joined', name: item.DisplayName ?? '' };
  if (item.Type === 'EVENT' && item.ContentType === JOINED && item.ParticipantId)
    return {
      type: 'participant-joined',
      participantId: item.ParticipantId,
      name: item.DisplayName ?? '',
    };
  if (item.Type === 'EVENT' && item.ContentType === ENDED) return { type: 'ended' };
  return null;
}

/** Opens the socket, subscribes to `aws/chat` and keeps it alive; returns the close function. */
export function openContactEvents(url: string, onEvent: (e: ContactEvent) => void): () => void {
  let socket: WebSocket;
  try {
    socket = new WebSocket(url);
  } catch (error) {
    // Never the URL: it carries the participant's WebSocket token.
    console.warn('<connect-video-call>: no contact events, polling', (error as Error).name);
    return () => undefined;
  }
  const heartbeat = setInterval(() => {
    if (socket.readyState === WebSocket.OPEN)
      socket.send(JSON.stringify({ topic: 'aws/heartbeat' }));
  }, 10_000);
  socket.addEventListener('open', () =>
    socket.send(JSON.stringify({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } })),
  );
  socket.addEventListener('message', (m) => {
    const event = typeof m.data === 'string' ? parseContactFrame(m.data) : null;
    if (event) onEvent(event);
  });
  socket.addEventListener('close', () => clearInterval(heartbeat));
  return () => {
    clearInterval(heartbeat);
    socket.close();
  };
}
