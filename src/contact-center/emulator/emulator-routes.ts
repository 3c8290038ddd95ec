/**
 * The operations the emulator serves, by method and URI template exactly as in the Connect,
 * Participant Service and Chime SDK Meetings models (their paths never collide: `/contact…`,
 * `/participant/…`, `/meetings…`). Matching splits the raw path on `/` first and then decodes each
 * segment, as the SDK percent-encodes labels per segment; a template's `?operation=x` must match
 * too.
 */
import type { Route } from './route-spec';
import { route } from './route-spec';
import { MEETINGS_ROUTES } from '../meetings/meetings-routes';
import {
  createParticipant,
  describeContactOp,
  getContactAttributes,
  stopContact,
  updateContactAttributes,
} from './contact-operations';
import { describeContactFlow, listContactFlows, listInstances } from './instance-operations';
import { describeQueue } from './queue-operations';
import {
  createParticipantConnection,
  disconnectParticipant,
  getTranscript,
  sendMessage,
} from './participant-operations';
import { startWebRTCContact } from './start-webrtc-contact';
import {
  createTestCase,
  deleteTestCase,
  describeTestCase,
  getTestCaseExecutionSummary,
  listTestCaseExecutionRecords,
  listTestCaseExecutions,
  listTestCases,
  startTestCaseExecution,
  stopTestCaseExecution,
} from './test-case-operations';

/** Every emulated operation with its method and path, as the SDK clients call them. */
export const ROUTES: Route[] = [
  route('PUT /contact/webrtc', startWebRTCContact),
  route('POST /contact/stop', stopContact),
  route('GET /contacts/{InstanceId}/{ContactId}', describeContactOp),
  route('GET /contact/attributes/{InstanceId}/{InitialContactId}', getContactAttributes),
  route('POST /contact/attributes', updateContactAttributes),
  route('POST /contact/create-participant', createParticipant),
  route('GET /instance', listInstances),
  route('GET /contact-flows-summary/{InstanceId}', listContactFlows),
  route('GET /contact-flows/{InstanceId}/{ContactFlowId}', describeContactFlow),
  route('GET /queues/{InstanceId}/{QueueId}', describeQueue),
  route('PUT /test-cases/{InstanceId}', createTestCase),
  route('GET /test-cases/{InstanceId}/{TestCaseId}', describeTestCase),
  route('DELETE /test-cases/{InstanceId}/{TestCaseId}', deleteTestCase),
  route('GET /test-cases-summary/{InstanceId}', listTestCases),
  route('PUT /test-cases/{InstanceId}/{TestCaseId}/start-execution', startTestCaseExecution),
  route(
    'POST /test-cases/{InstanceId}/{TestCaseId}/{TestCaseExecutionId}/stop-execution',
    stopTestCaseExecution,
  ),
  route(
    'GET /test-cases/{InstanceId}/{TestCaseId}/{TestCaseExecutionId}/summary',
    getTestCaseExecutionSummary,
  ),
  route(
    'GET /test-cases/{InstanceId}/{TestCaseId}/{TestCaseExecutionId}/records',
    listTestCaseExecutionRecords,
  ),
  route('GET /test-case-executions/{InstanceId}', listTestCaseExecutions),
  route('POST /participant/connection', createParticipantConnection),
  route('POST /participant/message', sendMessage),
  route('POST /participant/disconnect', disconnectParticipant),
  route('POST /participant/transcript', getTranscript),
  ...MEETINGS_ROUTES,
];

/**
 * Splits a raw path (no query) into decoded segments; undefined if a segment is not valid
 * percent-encoding.
 */
export function pathSegments(rawPath: string): string[] | undefined {
  try {
    return rawPath.split('/').slice(1).map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

/**
 * The route for a method and decoded segments, with its labels; a `{Label}` segment must not be
 * empty.
 */
export function matchRoute(
  method: string,
  segments: string[],
  queryOperation?: string | null,
): { route: Route; labels: Record<string, string> } | undefined {
  for (const r of ROUTES) {
    if (
      r.method !== method ||
      r.segments.length !== segments.length ||
      (r.queryOperation ?? null) !== (queryOperation ?? null)
    )
      continue;
    const labels: Record<string, string> = {};
    const ok = r.segments.every((pattern, i) => {
      const actual = segments[i] ?? '';
      if (pattern.startsWith('{')) {
        labels[pattern.slice(1, -1)] = actual;
        return true;
      }
      return pattern === actual;
    });
    if (ok) return { route: r, labels };
  }
  return undefined;
}
