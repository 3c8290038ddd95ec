/**
 * POST /api/calls: starts a contact for a named entry point. The server decides instance, flow,
 * capabilities, description and references; the page contributes a display name and only the
 * attributes its entry point allows. The browser's clientToken becomes Connect's ClientToken, so a
 * retry returns the same contact instead of creating a second one.
 * POST /api/calls/cancel takes the same body: the customer left while that start was still in
 * flight, so the same (idempotent) start names its contact, which is then disconnected at once.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { StartWebRTCContactCommandInput } from '@aws-sdk/client-connect';
import {
  StartCallRequest,
  type CancelStartResponse,
  type StartCallResponse,
} from '../../shared/call-api';
import { ConnectionData } from '../../shared/connect-schemas';
import { fillTemplate, type EntryPoint } from '../entry-points';
import { ApiHttpError } from './api-errors';
import { mintCallToken } from './call-token';
import { verifyCustomerToken } from './customer-token';
import { parseBody, type ApiDeps } from './api-deps';

/**
 * POST /api/calls: validates the request against its entry point, calls StartWebRTCContact and
 * returns what the widget joins with.
 */
export function registerStartCall(app: FastifyInstance, deps: ApiDeps) {
  app.post('/calls', async (req, reply) => {
    const { entryPoint, started, connection } = await startContact(req.body, deps);
    // Every later record of this request names its contact (never a token).
    req.log = req.log.child({ contactId: started.ContactId });
    reply.log = req.log;
    req.log.info({ event: 'call-started', entryPoint: entryPoint.id }, 'call started');
    const connectionData = ConnectionData.parse(started.ConnectionData);
    const callToken = await mintCallToken(
      {
        contactId: started.ContactId,
        instanceId: entryPoint.instanceId,
        connectionToken: connection.connectionToken,
        entryPointId: entryPoint.id,
        participantToken: started.ParticipantToken,
      },
      deps.security.sessionSecret,
    );
    const response: StartCallResponse = {
      contactId: started.ContactId,
      participantId: started.ParticipantId,
      connectionData,
      allowedCapabilities: entryPoint.allowedCapabilities,
      callToken,
      ...(connection.websocketUrl ? { eventsUrl: connection.websocketUrl } : {}),
      ...(entryPoint.maxVideoQuality ? { maxVideoQuality: entryPoint.maxVideoQuality } : {}),
    };
    return reply.status(201).send(response);
  });

  // The start request's answer never reached the page (it was closed or left meanwhile). Knowing
  // the clientToken proves it is the same customer: only that page ever had it.
  app.post('/calls/cancel', async (req): Promise<CancelStartResponse> => {
    const { started, connection } = await startContact(req.body, deps);
    await deps.gateway.disconnect(connection.connectionToken);
    return { contactId: started.ContactId, cancelled: true };
  });
}

/**
 * Validates a start request and runs StartWebRTCContact (idempotent) + CreateParticipantConnection.
 */
async function startContact(rawBody: unknown, deps: ApiDeps) {
  const body = parseBody(StartCallRequest, rawBody);
  const entryPoint = deps.entryPoints.get(body.entryPoint);
  if (!entryPoint)
    throw new ApiHttpError(
      404,
      'ResourceNotFoundException',
      `Unknown entry point "${body.entryPoint}".`,
    );

  const customer = await customerClaims(body.customerToken, entryPoint, deps);
  const notAllowed = Object.keys(body.attributes ?? {}).filter(
    (k) => !entryPoint.allowedAttributes.includes(k),
  );
  if (notAllowed.length > 0) {
    throw new ApiHttpError(
      400,
      'InvalidParameterException',
      `Attribute(s) ${notAllowed.map((k) => `"${k}"`).join(', ')} may not be set by the page for entry point "${entryPoint.id}".`,
    );
  }
  const displayName = customer?.name ?? body.displayName;
  const attributes = { ...entryPoint.attributes, ...body.attributes, ...customer?.attributes };
  const input = startInput(entryPoint, body.clientToken, displayName, attributes);

  const started = await deps.gateway.startWebRTCContact(input);
  if (!started.ContactId || !started.ParticipantToken || !started.ParticipantId) {
    throw new ApiHttpError(
      502,
      'InternalServiceException',
      'Amazon Connect returned an incomplete StartWebRTCContact response.',
      true,
    );
  }
  const connection = await deps.gateway.createConnection(started.ParticipantToken);
  return {
    entryPoint,
    started: {
      ...started,
      ContactId: started.ContactId,
      ParticipantId: started.ParticipantId,
      ParticipantToken: started.ParticipantToken,
    },
    connection,
  };
}

async function customerClaims(token: string | undefined, entryPoint: EntryPoint, deps: ApiDeps) {
  const secret = deps.security.customerJwtSecret;
  const required = entryPoint.requireCustomerToken || deps.security.requireCustomerJwt;
  if (!token) {
    if (required)
      throw new ApiHttpError(
        401,
        'AccessDeniedException',
        'This entry point requires a customer token signed by the website.',
      );
    return undefined;
  }
  if (!secret)
    throw new ApiHttpError(
      400,
      'InvalidParameterException',
      'A customer token was sent, but this server has no CUSTOMER_JWT_SECRET to verify it.',
    );
  return verifyCustomerToken(token, new TextEncoder().encode(secret));
}

function startInput(
  ep: EntryPoint,
  clientToken: string,
  displayName: string,
  attributes: Record<string, string>,
): StartWebRTCContactCommandInput {
  const values = { displayName, attributes };
  const references = Object.fromEntries(
    Object.entries(ep.references)
      .map(
        ([key, ref]) => [key, { Type: ref.Type, Value: fillTemplate(ref.Value, values) }] as const,
      )
      // A template the page left empty (e.g. no `page` attribute) is no reference: Connect refuses
      // an empty URL.
      .filter(([, ref]) => ref.Value !== ''),
  );
  return {
    InstanceId: ep.instanceId,
    ContactFlowId: ep.contactFlowId,
    ParticipantDetails: { DisplayName: displayName },
    AllowedCapabilities: ep.allowedCapabilities,
    Attributes: attributes,
    // Namespaced per entry point; the browser's random token keeps retries idempotent.
    ClientToken: createHash('sha256').update(`${ep.id}:${clientToken}`).digest('hex'),
    ...(ep.description ? { Description: fillTemplate(ep.description, values) } : {}),
    ...(Object.keys(references).length > 0 ? { References: references } : {}),
  };
}
