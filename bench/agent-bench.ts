/**
 * Agent-side latencies of the local contact center, through the real pages in Chromium:
 *  - StartWebRTCContact → the contact rings on the agent desk (the sample flow runs with speech:
 *    the greeting and menu prompts are spoken, the customer presses 2 as soon as the menu caption
 *    appears), and the routing part alone, DTMF sent → ringing on the desk;
 *  - Accept clicked → the agent's first decoded video frame of the customer.
 * Bounded: ROUNDS contacts, each step with a timeout. Needs `npm run build` (the customer page is
 * the e2e harness, built here and routed onto the stack's origin). Run:
 * `npx tsx bench/agent-bench.ts`.
 */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { StartWebRTCContactCommand } from '@aws-sdk/client-connect';
import {
  CreateParticipantConnectionCommand,
  GetTranscriptCommand,
  SendMessageCommand,
} from '@aws-sdk/client-connectparticipant';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/testing/chromium';
import { buildHarness } from '../e2e/testing/harness-build';
import { routeHarness } from '../e2e/testing/harness-route';
import { finishAfterContactWork, sdkClients } from '../e2e/testing/agent-desk-support';
import { startLocalStack } from '../src/backend/testing/start-local-stack';
import { medianLine } from './bench-stats';

const ROUNDS = 5;
const STEP_TIMEOUT_MS = 30_000;

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  intervalMs = 20,
): Promise<T> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

await buildHarness();
const stack = await startLocalStack({ distDir: resolve('dist'), speech: true });
const browser = await chromium.launch(chromiumLaunchOptions());
const figures = {
  startToRing: [] as number[],
  dtmfToRing: [] as number[],
  acceptToFrame: [] as number[],
};
try {
  const { connect, participant, instanceId, flowId } = sdkClients(stack.baseUrl);
  const agent = await (
    await browser.newContext({ permissions: ['camera', 'microphone'] })
  ).newPage();
  await agent.goto(`${stack.baseUrl}/agent/`);
  await agent.getByRole('button', { name: 'Sign in as Alex Rivera (alex)' }).click();
  await agent.getByRole('button', { name: 'Available', exact: true }).click();

  for (let round = 0; round < ROUNDS; round++) {
    const customerContext = await browser.newContext({ permissions: ['camera', 'microphone'] });
    await routeHarness(customerContext, stack.baseUrl);
    const customer = await customerContext.newPage();
    await customer.goto(`${stack.baseUrl}/e2e/harness/`);
    const t0 = performance.now();
    const started = await connect.send(
      new StartWebRTCContactCommand({
        InstanceId: instanceId,
        ContactFlowId: flowId,
        ParticipantDetails: { DisplayName: `Bench ${round}` },
        ClientToken: randomUUID(),
        AllowedCapabilities: {
          Customer: { Video: 'SEND', ScreenShare: 'SEND' },
          Agent: { Video: 'SEND', ScreenShare: 'SEND' },
        },
      }),
    );
    const { Meeting, Attendee } = started.ConnectionData!;
    type H = {
      harness: {
        join(m: unknown, a: unknown): Promise<void>;
        startVideo(): Promise<void>;
        stop(): void;
      };
    };
    await customer.evaluate(
      async ([m, a]) => {
        await (window as unknown as H).harness.join(m, a);
        await (window as unknown as H).harness.startVideo();
      },
      [Meeting, Attendee] as const,
    );
    const conn = await participant.send(
      new CreateParticipantConnectionCommand({
        ParticipantToken: started.ParticipantToken,
        Type: ['CONNECTION_CREDENTIALS'],
      }),
    );
    const token = conn.ConnectionCredentials!.ConnectionToken!;
    await until('the menu prompt', async () => {
      const t = await participant.send(new GetTranscriptCommand({ ConnectionToken: token }));
      return t.Transcript?.some((i) => i.Content?.startsWith('Press 1'));
    });
    const ringing = agent.getByRole('dialog', { name: 'Incoming video contact' });
    const t1 = performance.now();
    await participant.send(
      new SendMessageCommand({ ConnectionToken: token, ContentType: 'audio/dtmf', Content: '2' }),
    );
    await ringing.waitFor({ timeout: STEP_TIMEOUT_MS });
    const t2 = performance.now();
    figures.startToRing.push(t2 - t0);
    figures.dtmfToRing.push(t2 - t1);

    await ringing.getByRole('button', { name: 'Accept' }).click();
    const t3 = performance.now();
    try {
      await agent.waitForFunction(
        (label) => {
          const v = document.querySelector<HTMLVideoElement>(`video[aria-label="${label}"]`);
          return !!v && v.getVideoPlaybackQuality().totalVideoFrames > 0;
        },
        `Bench ${round}'s camera`,
        { polling: 'raf', timeout: STEP_TIMEOUT_MS },
      );
      figures.acceptToFrame.push(performance.now() - t3);
    } catch {
      console.log(
        `round ${round}: no decoded frame of the customer within ${STEP_TIMEOUT_MS / 1000} s`,
      );
    }
    await agent.getByRole('button', { name: 'End contact' }).click();
    await finishAfterContactWork(agent);
    await customer.context().close();
  }
} finally {
  await browser.close();
  await stack.close();
}

console.log(
  medianLine(
    'StartWebRTCContact → ringing on the agent desk (sample flow with spoken prompts)',
    figures.startToRing,
  ),
);
console.log(medianLine('DTMF "2" sent → ringing on the agent desk', figures.dtmfToRing));
console.log(
  medianLine("Accept → agent's first decoded frame of the customer", figures.acceptToFrame),
);
