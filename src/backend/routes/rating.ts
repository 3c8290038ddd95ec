/**
 * POST /api/calls/:contactId/rating: the customer says how the call went (1–5, optional comment).
 * Stored on the contact as attributes with UpdateContactAttributes, allowed only with the call's
 * own token, once (a rated contact keeps its rating), only after the contact ended and within
 * {@link RATING_WINDOW_MS} of its end, and only where the entry point asks for ratings.
 */
import type { FastifyInstance } from 'fastify';
import { RATING_ATTRIBUTES, RateCallRequest } from '../../shared/call-api';
import { ApiHttpError } from './api-errors';
import { parseBody, type ApiDeps } from './api-deps';
import { verifyCallToken } from './call-token';

/** How long after the end a rating is accepted. */
export const RATING_WINDOW_MS = 15 * 60_000;

type Params = { Params: { contactId: string } };

/**
 * POST /api/calls/:id/rating: the customer's rating, stored once as contact attributes shortly
 * after the end.
 */
export function registerRating(app: FastifyInstance, deps: ApiDeps, now = () => Date.now()) {
  app.post<Params>('/calls/:contactId/rating', async (req) => {
    const call = await verifyCallToken(
      req.headers.authorization,
      req.params.contactId,
      deps.security.sessionSecret,
    );
    const rating = parseBody(RateCallRequest, req.body);
    const entryPoint = call.entryPointId ? deps.entryPoints.get(call.entryPointId) : undefined;
    if (!entryPoint?.rating)
      throw new ApiHttpError(
        403,
        'AccessDeniedException',
        'Ratings are turned off for the entry point of this call.',
      );
    const contact = await deps.gateway.describeContact(call.instanceId, call.contactId);
    const endedAt = contact.DisconnectTimestamp?.getTime();
    if (endedAt === undefined)
      throw new ApiHttpError(400, 'InvalidRequestException', 'The call has not ended yet.');
    if (now() - endedAt > RATING_WINDOW_MS)
      throw new ApiHttpError(
        400,
        'InvalidRequestException',
        `A call can be rated within ${RATING_WINDOW_MS / 60_000} minutes of its end.`,
      );
    if (contact.Attributes?.[RATING_ATTRIBUTES.score])
      throw new ApiHttpError(409, 'ConflictException', 'This call has already been rated.');
    await deps.gateway.updateContactAttributes(
      call.instanceId,
      contact.InitialContactId ?? call.contactId,
      {
        [RATING_ATTRIBUTES.score]: String(rating.score),
        ...(rating.comment ? { [RATING_ATTRIBUTES.comment]: rating.comment } : {}),
        [RATING_ATTRIBUTES.at]: new Date(now()).toISOString(),
      },
    );
    return { rated: true as const };
  });
}
