/**
 * Browser client of the agent desk API (`/local/desk`): validated JSON requests through the shared
 * fetch wrapper (errors are ApiClientError, `name` the server's Connect error name), and the live
 * desk state over server-sent events (EventSource reconnects on its own).
 */
import type { z } from 'zod';
import { fetchJson } from '../api/api-fetch';
import {
  AcceptResponse,
  AddParticipantResponse,
  AgentList,
  CallHealth,
  DeskState,
  type AddParticipantRequest,
  type AgentSummary,
  type VideoConnectionInfo,
} from '../shared/agent-desk-api';

/**
 * Re-exported so desk components can type an agent row without importing the shared schemas
 * themselves.
 */
export type { AgentSummary };

const BASE = '/local/desk';

const request = <T extends z.ZodType>(
  path: string,
  schema: T,
  init?: { method?: 'GET' | 'POST'; body?: unknown },
) => fetchJson({ url: `${BASE}${path}`, schema, ...init });

const agentPath = (agentId: string) => `/agents/${encodeURIComponent(agentId)}`;
const contactPath = (agentId: string, contactId: string) =>
  `${agentPath(agentId)}/contacts/${encodeURIComponent(contactId)}`;

/**
 * The desk API's client: one function per /local/desk endpoint, answers validated with the shared
 * schemas.
 */
export const deskClient = {
  listAgents: async () => (await request('/agents', AgentList)).agents,
  setStatus: (agentId: string, status: 'AVAILABLE' | 'OFFLINE') =>
    request(`${agentPath(agentId)}/status`, DeskState, { method: 'POST', body: { status } }),
  accept: async (agentId: string, contactId: string): Promise<VideoConnectionInfo> =>
    (await request(`${contactPath(agentId, contactId)}/accept`, AcceptResponse, { method: 'POST' }))
      .connection,
  reject: (agentId: string, contactId: string) =>
    request(`${contactPath(agentId, contactId)}/reject`, DeskState, { method: 'POST' }),
  connection: async (agentId: string, contactId: string): Promise<VideoConnectionInfo> =>
    (await request(`${contactPath(agentId, contactId)}/connection`, AcceptResponse)).connection,
  health: (agentId: string, contactId: string) =>
    request(`${contactPath(agentId, contactId)}/health`, CallHealth),
  addParticipant: (agentId: string, contactId: string, body: AddParticipantRequest) =>
    request(`${contactPath(agentId, contactId)}/participants`, AddParticipantResponse, {
      method: 'POST',
      body,
    }),
  endContact: (agentId: string, contactId: string) =>
    request(`${contactPath(agentId, contactId)}/end`, DeskState, { method: 'POST' }),
  completeAfterContactWork: (agentId: string) =>
    request(`${agentPath(agentId)}/after-contact-work/complete`, DeskState, { method: 'POST' }),
};

/**
 * Follows the agent's desk state; `onState` gets every state, `onConnection` whether the stream is
 * up.
 */
export function watchDesk(
  agentId: string,
  onState: (s: DeskState) => void,
  onConnection: (up: boolean) => void,
): () => void {
  const source = new EventSource(`${BASE}${agentPath(agentId)}/events`);
  source.addEventListener('desk', (e) => {
    const data = (e as MessageEvent<string>).data;
    let parsed: ReturnType<typeof DeskState.safeParse> | undefined;
    try {
      parsed = DeskState.safeParse(JSON.parse(data));
    } catch {
      parsed = undefined;
    }
    if (parsed?.success) return onState(parsed.data);
    // A state this page cannot read (a server newer than the page, or a bug) leaves the desk
    // showing the previous one: say so where a developer looks, with what did not match.
    const issues = parsed?.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    console.error('agent desk: a desk state could not be read', issues ?? 'not JSON');
  });
  source.onopen = () => onConnection(true);
  source.onerror = () => onConnection(false);
  return () => source.close();
}

/** Streams' camelCase video info as the PascalCase meeting/attendee the call engine joins with. */
export function toJoinCredentials(info: VideoConnectionInfo) {
  const p = info.meeting.mediaPlacement;
  return {
    Meeting: {
      MeetingId: info.meeting.meetingId,
      MediaRegion: info.meeting.mediaRegion,
      MediaPlacement: {
        AudioHostUrl: p.audioHostUrl,
        AudioFallbackUrl: p.audioFallbackUrl,
        SignalingUrl: p.signalingUrl,
        TurnControlUrl: p.turnControlUrl,
        EventIngestionUrl: p.eventIngestionUrl,
      },
      MeetingFeatures: info.meeting.meetingFeatures
        ? { Audio: { EchoReduction: info.meeting.meetingFeatures.audio.echoReduction } }
        : undefined,
    },
    Attendee: { AttendeeId: info.attendee.attendeeId, JoinToken: info.attendee.joinToken },
  };
}
