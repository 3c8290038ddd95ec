/**
 * Local operations: the flow runner, queue routing and the agent desk API, wired to the local contacts.
 * (Being built in the contact-center issue; until then contacts stay where StartWebRTCContact left them.)
 */
import type { FastifyBaseLogger, FastifyPluginAsync } from 'fastify';
import type { UpgradeHandler } from '../app';
import type { MediaService } from '../media/media-service';
import type { LocalContacts } from './contacts/local-contacts';
import type { LocalConfig } from './config/local-config-schema';

export interface LocalOperationsOptions {
  config: LocalConfig;
  contacts: LocalContacts;
  media: MediaService;
  logger: FastifyBaseLogger;
  speech: boolean;
}

export function createLocalOperations(_options: LocalOperationsOptions): { desk: FastifyPluginAsync; upgradeHandlers: UpgradeHandler[]; close(): void } {
  return { desk: async () => {}, upgradeHandlers: [], close: () => {} };
}
