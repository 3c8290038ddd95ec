/**
 * The deferred-end sweeper Lambda (bundled by the CDK stack, see infra/deferred-end.ts): invoked
 * once a minute by an EventBridge rule, it sweeps the DynamoDB table of deferred ends every 2
 * seconds for 55 seconds, so a contact ends within about 2 s of its grace period running out.
 * Ending is DisconnectParticipant with the customer's own connection token (no IAM action needed).
 */
import { ConnectClient } from '@aws-sdk/client-connect';
import { ConnectParticipantClient } from '@aws-sdk/client-connectparticipant';
import pino from 'pino';
import { ConnectGateway } from '../../src/backend/connect-gateway';
import { dynamoDeferredEnds } from '../../src/backend/deferred-end/dynamo-deferred-ends';
import { sweepDeferredEnds } from '../../src/backend/deferred-end/deferred-end-sweeper';

const SWEEP_EVERY_MS = 2000;
const SWEEP_FOR_MS = 55_000;

const table = process.env.DEFERRED_ENDS_TABLE ?? '';
const ends = dynamoDeferredEnds(table);
const gateway = new ConnectGateway(new ConnectClient({}), new ConnectParticipantClient({}));
const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });

/** One scheduled invocation: sweeps until shortly before the next one starts. */
export async function sweep(): Promise<{ ended: number }> {
  const until = Date.now() + SWEEP_FOR_MS;
  let ended = 0;
  for (;;) {
    ended += await sweepDeferredEnds({ ends, gateway, logger });
    if (Date.now() + SWEEP_EVERY_MS > until) return { ended };
    await new Promise((r) => setTimeout(r, SWEEP_EVERY_MS));
  }
}
