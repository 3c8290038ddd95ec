/**
 * The agent desk API, registered under `/local`: sign-in list, Available/Offline, the desk state as
 * server-sent events, Accept/Reject, the agent's meeting credentials, adding a participant to the
 * call (a `/join/` link for them), End contact and after-contact work. Errors carry the Connect
 * error name and a message, and change nothing.
 */
import type {
  AddParticipantRequest as AddRequest,
  AddParticipantResponse,
  CallHealth,
} from '../../shared/agent-desk-api';
import type { ContactRecord } from '../contacts/contact-record';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply } from 'fastify';
import {
  AddParticipantRequest,
  SetStatusRequest,
  type AgentList,
} from '../../shared/agent-desk-api';
import type { LocalContacts } from '../contacts/local-contacts';
import type { AgentRoster } from '../routing/agent-roster';
import { DeskError } from '../routing/desk-error';
import type { QueueRouter } from '../routing/queue-router';
import type { DeskHub } from './desk-hub';
import { videoConnectionInfo } from './desk-view';

/**
 * What the desk API routes need: the contacts, the roster, the router, the hub, and the call's
 * health.
 */
export interface DeskRouteDeps {
  contacts: LocalContacts;
  /**
   * The customer's device and the call's audio quality (DescribeContact's DeviceInfo,
   * QualityMetrics).
   */
  callHealth: (contact: ContactRecord) => CallHealth;
  roster: AgentRoster;
  router: QueueRouter;
  hub: DeskHub;
  /**
   * Adds a participant to the agent's connected call through Connect's CreateParticipant and
   * CreateParticipantConnection; absent when no Connect client is wired (the route answers 400).
   */
  addParticipant?: (contact: ContactRecord, request: AddRequest) => Promise<AddParticipantResponse>;
  heartbeatMs?: number;
}

/** Connect's refusals of CreateParticipant, passed on to the desk under the same name. */
const PASSED_ON = new Set([
  'ConflictException',
  'ServiceQuotaExceededException',
  'InvalidRequestException',
  'InvalidParameterException',
]);

type AgentParams = { agentId: string };
type ContactParams = { agentId: string; contactId: string };

function sendError(reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof DeskError)
    return reply
      .code(error.statusCode)
      .send({ error: { name: error.name, message: error.message } });
  throw error;
}

/**
 * The agent desk API at /local/desk (sign in, status, accept, decline, end, add participant,
 * events).
 */
export function deskRoutes(deps: DeskRouteDeps): FastifyPluginAsync {
  const { contacts, roster, router, hub } = deps;
  const held = (agentId: string, contactId: string) => {
    const agent = roster.get(agentId);
    const contact = contacts.get(contactId);
    if (!contact)
      throw new DeskError('ResourceNotFoundException', `Contact ${contactId} does not exist`);
    if (
      agent.contactId !== contactId ||
      agent.status !== 'ON_CONTACT' ||
      !contact.agentParticipant
    ) {
      throw new DeskError(
        'ResourceConflictException',
        `Agent ${agentId} is not connected to contact ${contactId}`,
      );
    }
    return { agent, contact, participant: contact.agentParticipant };
  };

  return async (app: FastifyInstance) => {
    // A page on another origin must not drive the desk (the desk has no password in local mode).
    app.addHook('onRequest', async (req, reply) => {
      const origin = req.headers.origin;
      if (req.method !== 'GET' && origin && new URL(origin).host !== req.headers.host) {
        return reply.code(403).send({
          error: {
            name: 'AccessDeniedException',
            message: 'The agent desk only accepts requests from its own page',
          },
        });
      }
    });
    app.setErrorHandler((error, _req, reply) => sendError(reply, error));

    app.get('/desk/agents', async (): Promise<AgentList> => ({
      agents: roster
        .list()
        .map(({ id, username, name, status }) => ({ id, username, name, status })),
    }));

    app.get<{ Params: AgentParams }>('/desk/agents/:agentId/state', async (req) =>
      hub.state(req.params.agentId),
    );

    app.post<{ Params: AgentParams }>('/desk/agents/:agentId/status', async (req, reply) => {
      const body = SetStatusRequest.safeParse(req.body);
      if (!body.success)
        return reply.code(400).send({
          error: {
            name: 'InvalidRequestException',
            message: 'status must be "AVAILABLE" or "OFFLINE"',
          },
        });
      router.setAvailability(req.params.agentId, body.data.status);
      return hub.state(req.params.agentId);
    });

    app.get<{ Params: AgentParams }>('/desk/agents/:agentId/events', async (req, reply) => {
      roster.get(req.params.agentId); // 404 before the stream starts
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const unsubscribe = hub.subscribe(req.params.agentId, (state) =>
        reply.raw.write(`event: desk\ndata: ${JSON.stringify(state)}\n\n`),
      );
      const heartbeat = setInterval(
        () => reply.raw.write(': keep-alive\n\n'),
        deps.heartbeatMs ?? 15_000,
      );
      req.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
    });

    app.post<{ Params: ContactParams }>(
      '/desk/agents/:agentId/contacts/:contactId/accept',
      async (req, reply) => {
        reply.header('cache-control', 'no-store');
        const participant = router.accept(req.params.agentId, req.params.contactId);
        const contact = contacts.get(req.params.contactId);
        if (!contact)
          throw new DeskError(
            'ResourceNotFoundException',
            `Contact ${req.params.contactId} does not exist`,
          );
        return { connection: videoConnectionInfo(contact, participant) };
      },
    );

    app.post<{ Params: ContactParams }>(
      '/desk/agents/:agentId/contacts/:contactId/reject',
      async (req) => {
        router.reject(req.params.agentId, req.params.contactId);
        return hub.state(req.params.agentId);
      },
    );

    app.get<{ Params: ContactParams }>(
      '/desk/agents/:agentId/contacts/:contactId/connection',
      async (req, reply) => {
        const { contact, participant } = held(req.params.agentId, req.params.contactId);
        reply.header('cache-control', 'no-store');
        return { connection: videoConnectionInfo(contact, participant) };
      },
    );

    app.get<{ Params: ContactParams }>(
      '/desk/agents/:agentId/contacts/:contactId/health',
      async (req, reply) => {
        const { contact } = held(req.params.agentId, req.params.contactId);
        reply.header('cache-control', 'no-store');
        return deps.callHealth(contact);
      },
    );

    app.post<{ Params: ContactParams }>(
      '/desk/agents/:agentId/contacts/:contactId/participants',
      async (req, reply) => {
        const { contact } = held(req.params.agentId, req.params.contactId);
        const body = AddParticipantRequest.safeParse(req.body);
        if (!body.success)
          throw new DeskError(
            'InvalidRequestException',
            'Give the participant a name (1 to 256 characters) and say whether they may send video and share a screen',
          );
        if (!deps.addParticipant)
          throw new DeskError('InvalidRequestException', 'Adding participants is not available');
        // The answer carries the join link (meeting credentials in its fragment): never cached.
        reply.header('cache-control', 'no-store');
        try {
          return await deps.addParticipant(contact, body.data);
        } catch (error) {
          const name = (error as Error).name;
          if (!PASSED_ON.has(name)) throw error;
          throw new DeskError(
            name === 'ServiceQuotaExceededException'
              ? name
              : name === 'ConflictException'
                ? 'ResourceConflictException'
                : 'InvalidRequestException',
            (error as Error).message,
          );
        }
      },
    );

    app.post<{ Params: ContactParams }>(
      '/desk/agents/:agentId/contacts/:contactId/end',
      async (req) => {
        held(req.params.agentId, req.params.contactId);
        contacts.end(req.params.contactId, 'AGENT_DISCONNECT');
        return hub.state(req.params.agentId);
      },
    );

    app.post<{ Params: AgentParams }>(
      '/desk/agents/:agentId/after-contact-work/complete',
      async (req) => {
        router.finishAfterContactWork(req.params.agentId);
        return hub.state(req.params.agentId);
      },
    );
  };
}
