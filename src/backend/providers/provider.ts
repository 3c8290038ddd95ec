/**
 * A contact-center provider: how the server reaches Connect, plus whatever routes and WebSocket
 * handlers that backend brings. build-server.ts picks one by configuration; routes only see the
 * gateway.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ConnectGateway } from '../connect-gateway';
import type { UpgradeHandler } from '../app';
import type { EntryPoint } from '../entry-points';

/**
 * Where calls go: Amazon Connect (aws-provider.ts) or the local contact center
 * (src/contact-center/local-provider.ts), behind one interface.
 */
export interface ContactCenterProvider {
  readonly name: 'local' | 'aws';
  readonly gateway: ConnectGateway;
  /**
   * Entry-point defaults this backend knows (the local instance and sample flow); empty for AWS.
   */
  readonly defaultEntryPoints: EntryPoint[];
  readonly plugins: Array<{ prefix: string; plugin: FastifyPluginAsync }>;
  readonly upgradeHandlers: UpgradeHandler[];
  /** Lines printed at startup (URLs, ids). */
  describe(): string[];
  close(): Promise<void>;
}
