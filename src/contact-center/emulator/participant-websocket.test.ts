/**
 * Contract: the Participant Service WebSocket speaks the Amazon Connect chat protocol — subscribe,
 * the transcript so far, then captions, agent joined, customer left and chat ended as `aws/chat`
 * frames — and refuses spent or unknown URL tokens.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { StartWebRTCContactCommand } from '@aws-sdk/client-connect';
import {
  CreateParticipantConnectionCommand,
  DisconnectParticipantCommand,
} from '@aws-sdk/client-connectparticipant';
import { walkTo } from '../contacts/testing/contact-journey';
import { startEmulatorHarness, type EmulatorHarness } from './testing/emulator-harness';

let h: EmulatorHarness;
afterEach(async () => h?.close());

interface Frame {
  topic: string;
  contentType?: string;
  content: unknown;
}

/** Opens the socket and collects parsed frames (aws/chat content parsed too). */
function open(url: string): Promise<{ ws: WebSocket; frames: Frame[]; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const frames: Frame[] = [];
    const closed = new Promise<number>((done) => ws.on('close', (code) => done(code)));
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      if (frame.topic === 'aws/chat') frame.content = JSON.parse(frame.content as string);
      frames.push(frame);
    });
    ws.on('open', () => resolve({ ws, frames, closed }));
    ws.on('error', reject);
  });
}
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

async function startCall(options: { now?: () => number } = {}) {
  h = await startEmulatorHarness(options);
  const started = await h.connect.send(
    new StartWebRTCContactCommand({
      InstanceId: h.config.instance.id,
      ContactFlowId: h.config.defaultFlowId,
      ParticipantDetails: { DisplayName: 'Noor' },
    }),
  );
  const conn = await h.participant.send(
    new CreateParticipantConnectionCommand({
      ParticipantToken: started.ParticipantToken,
      Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'],
    }),
  );
  return { started, conn, contactId: started.ContactId ?? '' };
}

describe('Participant WebSocket', () => {
  it('sends the transcript so far on subscribe, then live events, and closes after chat ended', async () => {
    const { conn, contactId } = await startCall();
    expect(conn.Websocket?.Url).toMatch(
      new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/aws/participant/websocket\\?token=`),
    );
    h.aws.contacts.addTranscript(contactId, {
      kind: 'caption',
      participantRole: 'SYSTEM',
      contentType: 'text/plain',
      content: 'Welcome!',
    });
    const { ws, frames, closed } = await open(conn.Websocket?.Url ?? '');
    ws.send(JSON.stringify({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } }));
    await until(() => frames.length === 2);
    expect(frames[0]).toEqual({
      topic: 'aws/subscribe',
      content: { status: 'success', topics: ['aws/chat'] },
    });
    expect(frames[1]).toMatchObject({
      topic: 'aws/chat',
      contentType: 'application/json',
      content: {
        Type: 'MESSAGE',
        ParticipantRole: 'SYSTEM',
        ContentType: 'text/plain',
        Content: 'Welcome!',
        ContactId: contactId,
        InitialContactId: contactId,
      },
    });

    walkTo(h.aws.contacts, contactId, 'CONNECTED', {
      agent: { id: h.config.agents[0]!.id, displayName: 'Alex Rivera' },
    });
    await until(() => frames.length === 3);
    expect(frames[2]?.content).toMatchObject({
      Type: 'EVENT',
      ContentType: 'application/vnd.amazonaws.connect.event.participant.joined',
      ParticipantRole: 'AGENT',
      DisplayName: 'Alex Rivera',
    });

    await h.participant.send(
      new DisconnectParticipantCommand({
        ConnectionToken: conn.ConnectionCredentials?.ConnectionToken,
      }),
    );
    expect(await closed).toBe(1000);
    expect(frames.slice(3).map((f) => (f.content as { ContentType: string }).ContentType)).toEqual([
      'application/vnd.amazonaws.connect.event.participant.left',
      'application/vnd.amazonaws.connect.event.chat.ended',
    ]);
    expect(frames[3]?.content).toMatchObject({ ParticipantRole: 'CUSTOMER', DisplayName: 'Noor' });
  });

  it('answers heartbeats; the URL token works once, unknown tokens are refused', async () => {
    const { conn } = await startCall();
    const url = conn.Websocket?.Url ?? '';
    const { ws, frames } = await open(url);
    ws.send(JSON.stringify({ topic: 'aws/heartbeat' }));
    await until(() => frames.length === 1);
    expect(frames[0]).toEqual({ topic: 'aws/heartbeat' });
    ws.close();
    await expect(open(url)).rejects.toThrow(/403/);
    await expect(open(url.replace(/token=.*/, 'token=forged'))).rejects.toThrow(/403/);
  });

  it('a URL not used within 100 seconds is refused', async () => {
    let now = Date.now();
    const { conn } = await startCall({ now: () => now });
    now += 100_001;
    await expect(open(conn.Websocket?.Url ?? '')).rejects.toThrow(/403/);
  });

  it('an agent ending the call gives agent left then chat ended', async () => {
    const { conn, contactId } = await startCall();
    const { ws, frames, closed } = await open(conn.Websocket?.Url ?? '');
    ws.send(JSON.stringify({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } }));
    await until(() => frames.length === 1);
    h.aws.contacts.addAgentParticipant(contactId, {
      id: h.config.agents[1]!.id,
      displayName: 'Sam Okafor',
    });
    h.aws.contacts.end(contactId, 'AGENT_DISCONNECT');
    h.aws.contacts.end(contactId, 'AGENT_DISCONNECT'); // idempotent: no second set of events
    await closed;
    expect(
      frames
        .slice(1)
        .map((f) => [
          (f.content as { ParticipantRole: string }).ParticipantRole,
          (f.content as { ContentType: string }).ContentType.split('.').pop(),
        ]),
    ).toEqual([
      ['AGENT', 'left'],
      ['SYSTEM', 'ended'],
    ]);
  });
});
