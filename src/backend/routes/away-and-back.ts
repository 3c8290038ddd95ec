/**
 * The customer's page going and coming back, authorised by the call token:
 * POST /api/calls/:contactId/away (sent from `pagehide`): the contact ends after the entry point's
 * grace period unless the customer comes back; the deferred end is stored durably (see
 * deferred-end/) and the contact gets the `cvc-away-until` attribute, which the agent's desk shows
 * as "customer reconnecting" with a countdown.
 * POST /api/calls/:contactId/back (the page that rejoins): cancels the deferred end, clears the
 * attribute and hands out a fresh contact-events WebSocket.
 */
import type { FastifyInstance } from 'fastify';
import { AWAY_UNTIL_ATTRIBUTE, type BackResponse } from '../../shared/call-api';
import { ApiHttpError } from './api-errors';
import type { ApiDeps } from './api-deps';
import { verifyCallToken, type CallClaims } from './call-token';
import { callStatus } from './call-actions';

type Params = { Params: { contactId: string } };

/** The grace period of an entry point that does not set one. */
export const DEFAULT_REJOIN_GRACE_SECONDS = 30;

/**
 * POST /api/calls/:id/away and /back: the customer's page went away (a deferred end is scheduled)
 * or came back (it is cancelled).
 */
export function registerAwayAndBack(app: FastifyInstance, deps: ApiDeps, now = () => Date.now()) {
  const secret = deps.security.sessionSecret;
  const ends = () => {
    if (!deps.deferredEnds)
      throw new ApiHttpError(
        501,
        'InvalidRequestException',
        'This backend has no store for deferred ends: a customer who leaves the page ends the call.',
      );
    return deps.deferredEnds;
  };
  /**
   * The contact's own attribute (UpdateContactAttributes); a failure only costs the agent's
   * countdown.
   */
  const tellAgent = async (call: CallClaims, value: string) => {
    try {
      const contact = await deps.gateway.describeContact(call.instanceId, call.contactId);
      if (contact.DisconnectTimestamp) return;
      await deps.gateway.updateContactAttributes(
        call.instanceId,
        contact.InitialContactId ?? call.contactId,
        { [AWAY_UNTIL_ATTRIBUTE]: value },
      );
    } catch (err) {
      app.log.warn(
        { contactId: call.contactId, err: (err as Error).name },
        'the away attribute could not be set',
      );
    }
  };

  app.post<Params>('/calls/:contactId/away', async (req) => {
    const call = await verifyCallToken(req.headers.authorization, req.params.contactId, secret);
    const store = ends();
    const entryPoint = call.entryPointId ? deps.entryPoints.get(call.entryPointId) : undefined;
    const grace = entryPoint?.rejoinGraceSeconds ?? DEFAULT_REJOIN_GRACE_SECONDS;
    const dueAt = now() + grace * 1000;
    await store.put({
      contactId: call.contactId,
      instanceId: call.instanceId,
      connectionToken: call.connectionToken,
      dueAt,
    });
    const endsAt = new Date(dueAt).toISOString();
    req.log.info({ event: 'customer-away', contactId: call.contactId, grace }, 'customer away');
    await tellAgent(call, endsAt);
    return { endsAt };
  });

  app.post<Params>('/calls/:contactId/back', async (req): Promise<BackResponse> => {
    const call = await verifyCallToken(req.headers.authorization, req.params.contactId, secret);
    const cancelled = await ends().cancel(call.contactId);
    const status = callStatus(await deps.gateway.describeContact(call.instanceId, call.contactId));
    req.log.info(
      { event: 'customer-back', contactId: call.contactId, state: status.state },
      'customer back',
    );
    if (status.state === 'ended') return { status };
    if (cancelled) await tellAgent(call, '');
    // The old events URL was single use: a new connection of the same participant gives a fresh
    // one.
    const connection = call.participantToken
      ? await deps.gateway.createConnection(call.participantToken).catch(() => undefined)
      : undefined;
    return {
      status,
      ...(connection?.websocketUrl ? { eventsUrl: connection.websocketUrl } : {}),
    };
  });
}
