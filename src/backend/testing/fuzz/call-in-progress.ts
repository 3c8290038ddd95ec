/**
 * Fuzz kit: a call that is already in progress while the hostile cases run. Its customer holds the
 * Chime signaling socket (joined) and the participant WebSocket (subscribed), as the widget does;
 * `stillUp()` proves both still answer (PING → PONG, heartbeat → heartbeat) on the same sockets.
 */
import { once } from 'node:events';
import { WebSocket } from 'ws';
import { decodeFrame, encodeFrame, FrameType, proto } from '../../../media-server/signaling-frames';
import { startTestCall } from '../start-test-call';

/**
 * Starts a call on the server and holds its customer's two sockets open; `stillUp()` checks they
 * survived the fuzz cases.
 */
export async function callInProgress(baseUrl: string) {
  const call = await startTestCall(baseUrl, 'Call In Progress');
  const { Meeting, Attendee } = call.connectionData;
  const signaling = new WebSocket(
    `${Meeting.MediaPlacement.SignalingUrl}?X-Chime-Control-Protocol-Version=3`,
    ['_aws_wt_session', Attendee.JoinToken],
  );
  const pongs = new Set<number>();
  signaling.on('message', (data: Buffer) => {
    const frame = decodeFrame(data);
    if (frame.type === FrameType.PING_PONG && frame.pingPong?.pingId !== undefined)
      pongs.add(frame.pingPong.pingId);
  });
  await once(signaling, 'open');
  signaling.send(
    encodeFrame({ type: FrameType.JOIN, join: { protocolVersion: 2, audioSessionId: 1 } }),
  );

  const events = new WebSocket(call.eventsUrl!);
  let heartbeats = 0;
  events.on('message', (data) => String(data).includes('aws/heartbeat') && heartbeats++);
  await once(events, 'open');
  events.send(JSON.stringify({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } }));

  let pingId = 0;
  return {
    call,
    /**
     * Resolves once both sockets of the call answered a fresh ping; throws if one of them closed.
     */
    async stillUp(): Promise<void> {
      if (signaling.readyState !== WebSocket.OPEN || events.readyState !== WebSocket.OPEN)
        throw new Error('a socket of the call in progress was closed');
      const id = ++pingId;
      const seen = heartbeats;
      signaling.send(
        encodeFrame({
          type: FrameType.PING_PONG,
          pingPong: { type: proto.SdkPingPongType.PING, pingId: id },
        }),
      );
      events.send(JSON.stringify({ topic: 'aws/heartbeat' }));
      while (!pongs.has(id) || heartbeats === seen) {
        if (signaling.readyState !== WebSocket.OPEN || events.readyState !== WebSocket.OPEN)
          throw new Error('a socket of the call in progress was closed');
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    close() {
      signaling.terminate();
      events.terminate();
    },
  };
}
