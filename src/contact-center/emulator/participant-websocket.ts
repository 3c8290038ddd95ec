/**
 * The Participant Service WebSocket (`/aws/participant/websocket?token=…`), speaking the Amazon
 * Connect chat protocol: after `aws/subscribe` to `aws/chat`, the existing transcript and then
 * every new item go out as `aws/chat` frames; the socket closes after the chat-ended event. The URL
 * token is single-use and short-lived.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { UpgradeHandler } from '../../backend/app';
import {
  acceptWebSocket,
  guardedWebSocketServer,
  refuseUpgrade,
} from '../../server-common/socket-guard';
import type { TranscriptItem } from '../contacts/contact-record';
import { EVENT_CHAT_ENDED } from '../contacts/participant-events';
import type { EmulatorDeps } from './emulator-context';
import { authenticate } from './participant-auth';
import { chatFrame } from './transcript-items';

/** Largest frame a client may send on the participant WebSocket. */
export const MAX_CLIENT_FRAME_BYTES = 64 * 1024;

function serve(deps: EmulatorDeps, ws: WebSocket, contactId: string): void {
  let unsubscribe: (() => void) | undefined;
  const send = (item: TranscriptItem) => {
    const contact = deps.contacts.get(contactId);
    if (!contact || ws.readyState !== ws.OPEN) return;
    ws.send(chatFrame(contact, item));
    if (item.contentType === EVENT_CHAT_ENDED) ws.close(1000, 'contact ended');
  };
  ws.on('message', (data) => {
    let msg: { topic?: string; content?: { topics?: string[] } };
    try {
      msg = JSON.parse(String(data)) as typeof msg;
    } catch {
      return;
    }
    if (msg.topic === 'aws/heartbeat')
      return void ws.send(JSON.stringify({ topic: 'aws/heartbeat' }));
    if (msg.topic !== 'aws/subscribe' || unsubscribe) return;
    ws.send(
      JSON.stringify({
        topic: 'aws/subscribe',
        content: { status: 'success', topics: ['aws/chat'] },
      }),
    );
    const onItem = (e: { contactId: string; item: TranscriptItem }) =>
      e.contactId === contactId && send(e.item);
    deps.contacts.events.on('transcript', onItem);
    unsubscribe = () => deps.contacts.events.off('transcript', onItem);
    // Everything said so far first, so a socket opened late misses nothing.
    for (const item of deps.contacts.get(contactId)?.transcript ?? []) send(item);
  });
  ws.on('close', () => unsubscribe?.());
}

/** The upgrade handler for the participant WebSocket, and a close() that drops every socket. */
export function createParticipantWebsocket(deps: EmulatorDeps): {
  handleUpgrade: UpgradeHandler;
  close(): void;
} {
  // Chat frames from the client are subscribe and heartbeat messages of a few hundred bytes.
  const wss = guardedWebSocketServer({ maxPayload: MAX_CLIENT_FRAME_BYTES });
  const path = `${deps.prefix}/participant/websocket`;
  const handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): boolean => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== path) return false;
    const token = url.searchParams.get('token') ?? undefined;
    let contactId: string;
    try {
      contactId = authenticate(deps, { bearer: token }, 'websocket', true).contact.id;
    } catch {
      return refuseUpgrade(socket, '403 Forbidden');
    }
    deps.store.deleteToken(token ?? ''); // single use
    acceptWebSocket(wss, req, socket, head, (ws) => serve(deps, ws, contactId));
    return true;
  };
  return {
    handleUpgrade,
    close: () => {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
