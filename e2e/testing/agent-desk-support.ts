/**
 * Helpers for the agent-desk browser test: the customer starts a contact with the official SDK
 * against the local emulator, follows the Participant Service WebSocket, and plays its media in the
 * test harness page; WebRTC statistics tell whether a page really receives audio and video.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { ConnectClient, StartWebRTCContactCommand } from '@aws-sdk/client-connect';
import {
  ConnectParticipantClient,
  CreateParticipantConnectionCommand,
  GetTranscriptCommand,
} from '@aws-sdk/client-connectparticipant';
import { test, type BrowserContext, type Page } from '@playwright/test';

const config = JSON.parse(readFileSync('config/local/contact-center.json', 'utf8')) as {
  instance: { id: string; region: string };
  defaultFlowId: string;
};

/** The sample agents of config/local. */
export const AGENTS = {
  alex: '0336b503-1430-41e8-9e50-f660e2ad5be0',
  sam: 'a8483fc0-19df-43b3-b61f-de3bd7b4ca24',
};

/** Sets an agent's status through the desk's API, as the desk's status buttons do. */
export const setAgentStatus = (baseUrl: string, agentId: string, status: string) =>
  fetch(`${baseUrl}/local/desk/agents/${agentId}/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ status }),
  });

/**
 * A list the spec pushes its browser contexts to, all closed after each test: pages of a desk spec
 * must not outlive it (a desk page left open would rejoin the agent's next contact).
 */
export function contextsClosedAfterEach(): BrowserContext[] {
  const contexts: BrowserContext[] = [];
  test.afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  return contexts;
}

/**
 * Official Connect and Participant SDK clients pointed at the local emulator's /aws, with the
 * instance and flow a contact starts on.
 */
export function sdkClients(baseUrl: string) {
  const clientConfig = {
    region: config.instance.region,
    endpoint: `${baseUrl}/aws`,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  };
  return {
    connect: new ConnectClient(clientConfig),
    participant: new ConnectParticipantClient(clientConfig),
    instanceId: config.instance.id,
    flowId: config.defaultFlowId,
  };
}

/**
 * StartWebRTCContact as a website backend calls it, then a Participant connection token (for DTMF
 * and the transcript).
 */
export async function startCustomerContact(baseUrl: string, displayName: string) {
  const { connect, participant, instanceId, flowId } = sdkClients(baseUrl);
  const started = await connect.send(
    new StartWebRTCContactCommand({
      InstanceId: instanceId,
      ContactFlowId: flowId,
      ParticipantDetails: { DisplayName: displayName },
      Attributes: { product: 'kettle', orderId: 'A-1001' },
      References: { page: { Type: 'URL', Value: 'https://shop.example/kettle' } },
      Description: `Video call from ${displayName}`,
      AllowedCapabilities: {
        Customer: { Video: 'SEND', ScreenShare: 'SEND' },
        Agent: { Video: 'SEND', ScreenShare: 'SEND' },
      },
      ClientToken: randomUUID(),
    }),
  );
  const conn = await participant.send(
    new CreateParticipantConnectionCommand({
      ParticipantToken: started.ParticipantToken,
      Type: ['CONNECTION_CREDENTIALS'],
    }),
  );
  const connectionToken = conn.ConnectionCredentials!.ConnectionToken!;
  /** The contents of the contact's transcript so far (captions of flow prompts among them). */
  const transcript = async () => {
    const out = await participant.send(
      new GetTranscriptCommand({ ConnectionToken: connectionToken, MaxResults: 100 }),
    );
    return (out.Transcript ?? []).map((item) => item.Content ?? '');
  };
  return { started, connectionToken, transcript, connect, participant, instanceId };
}

/** Records every RTCPeerConnection a page creates, so the test can read its statistics. */
export async function trackPeerConnections(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Native = window.RTCPeerConnection;
    const list: RTCPeerConnection[] = [];
    (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs = list;
    window.RTCPeerConnection = class extends Native {
      constructor(config?: RTCConfiguration) {
        super(config);
        list.push(this);
      }
    } as typeof RTCPeerConnection;
  });
}

/**
 * Inbound audio packets and energy, and decoded video frames, over all of the page's connections.
 */
export async function inboundMedia(
  page: Page,
): Promise<{ audioPackets: number; audioEnergy: number; videoFrames: number }> {
  return page.evaluate(async () => {
    const totals = { audioPackets: 0, audioEnergy: 0, videoFrames: 0 };
    for (const pc of (window as unknown as { __pcs?: RTCPeerConnection[] }).__pcs ?? []) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach(
        (s: {
          type: string;
          kind?: string;
          packetsReceived?: number;
          totalAudioEnergy?: number;
          framesDecoded?: number;
        }) => {
          if (s.type !== 'inbound-rtp') return;
          if (s.kind === 'audio') {
            totals.audioPackets += s.packetsReceived ?? 0;
            totals.audioEnergy += s.totalAudioEnergy ?? 0;
          } else if (s.kind === 'video') totals.videoFrames += s.framesDecoded ?? 0;
        },
      );
    }
    return totals;
  });
}

/** Frames a `<video>` has presented (0 when absent). */
export async function videoFrames(page: Page, label: string): Promise<number> {
  return page.evaluate((l) => {
    const v = document.querySelector<HTMLVideoElement>(`video[aria-label="${l}"]`);
    return v ? v.getVideoPlaybackQuality().totalVideoFrames : 0;
  }, label);
}

/** Ends after-contact work at the desk and waits until the agent is Available again. */
export async function finishAfterContactWork(agent: Page): Promise<void> {
  await agent.getByRole('button', { name: 'Done — become available' }).click();
  await agent.getByRole('button', { name: 'Available', exact: true, pressed: true }).waitFor();
}
