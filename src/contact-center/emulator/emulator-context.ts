/**
 * What every emulator operation receives: its dependencies, and the request decoded into path
 * labels, a JSON body and the bearer token. Operations return the 200 body or throw an AwsError.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { MediaService } from '../../media-server/media-service';
import type { Clock } from '../clock';
import type { LocalConfig } from '../config/local-config-schema';
import type { LocalContactsImpl } from '../contacts/create-local-contacts';
import type { ContactStore } from '../store/contact-store';
import type { MeetingStore } from '../meetings/meeting-store';
import type { TestCaseRegistry } from '../test-cases/test-case-registry';

/** What every emulated operation may use. */
export interface EmulatorDeps {
  config: LocalConfig;
  contacts: LocalContactsImpl;
  store: ContactStore;
  /** Meetings made through the Chime SDK Meetings API (not the contacts' meetings). */
  meetings: MeetingStore;
  media: MediaService;
  /** Flow test cases (CreateTestCase) and their executions. */
  testCases: TestCaseRegistry;
  logger: FastifyBaseLogger;
  now: Clock;
  /** When the local configuration was loaded, at that clock: the queues' LastModifiedTime. */
  configLoadedAt: number;
  /** Public base URL of the server, when known; else WebSocket URLs follow the request's Host. */
  publicUrl?: string;
  /** Prefix the emulator is mounted under (`/aws`). */
  prefix: string;
}

/** One decoded API request: its operation, path parameters, body and caller. */
export interface OperationRequest {
  /** Decoded path labels, by name. */
  labels: Record<string, string>;
  /** Query-string members (e.g. ListContactFlows `contactFlowTypes`). */
  query: URLSearchParams;
  /** The parsed JSON body (`{}` when there is none). */
  body: Record<string, unknown>;
  /** `X-Amz-Bearer` (Participant Service token), when sent. */
  bearer?: string;
  /** The region of the request's SigV4 credential scope, when it was signed. */
  region?: string;
  /** `http` or `https`, and the Host header, for URLs handed back to the caller. */
  protocol: string;
  host: string;
}

/** One emulated API operation: its answer, or a thrown ApiError with Connect's error name. */
export type Operation = (deps: EmulatorDeps, req: OperationRequest) => unknown;

/** Epoch ms to Connect's epoch seconds (the SDK parses numbers of seconds). */
export const epochSeconds = (ms: number | undefined): number | undefined =>
  ms === undefined ? undefined : ms / 1000;

/** The instance ARN Connect would show for the local instance. */
export const instanceArn = (config: LocalConfig): string =>
  `arn:aws:connect:${config.instance.region}:000000000000:instance/${config.instance.id}`;
