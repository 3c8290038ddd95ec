/**
 * Ends the contacts whose customer did not come back in time: takes the due deferred ends and
 * disconnects each customer (DisconnectParticipant with the customer's own connection token,
 * exactly what pressing End does). Runs on a timer in the standalone server and in a scheduled
 * Lambda in the deploy (infra/lambda/sweeper.ts).
 */
import type { FastifyBaseLogger } from 'fastify';
import type { ConnectGateway } from '../connect-gateway';
import type { DeferredEnds } from './deferred-ends';

/**
 * What a sweep pass needs: the store of deferred ends, the gateway that ends contacts, a logger and
 * a clock.
 */
export interface SweepDeps {
  ends: DeferredEnds;
  gateway: Pick<ConnectGateway, 'disconnect'>;
  logger: Pick<FastifyBaseLogger, 'info' | 'warn'>;
  now?: () => number;
}

/**
 * One pass: ends every due contact; returns how many it took. A failure is logged, never thrown.
 */
export async function sweepDeferredEnds(deps: SweepDeps): Promise<number> {
  let due;
  try {
    due = await deps.ends.takeDue((deps.now ?? Date.now)());
  } catch (err) {
    deps.logger.warn({ err: (err as Error).message }, 'deferred ends could not be read');
    return 0;
  }
  await Promise.all(
    due.map(async (end) => {
      try {
        await deps.gateway.disconnect(end.connectionToken);
        deps.logger.info(
          { event: 'call-ended-away', contactId: end.contactId },
          'the customer did not come back: contact ended',
        );
      } catch (err) {
        // Already ended (the agent hung up meanwhile): the participant's token is no longer
        // accepted.
        deps.logger.info(
          { contactId: end.contactId, err: (err as Error).name },
          'deferred end: the contact was already over',
        );
      }
    }),
  );
  return due.length;
}

/** Sweeps every `intervalMs` until the returned stop function is called. */
export function startDeferredEndSweeper(deps: SweepDeps, intervalMs = 1000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void sweepDeferredEnds(deps).finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
