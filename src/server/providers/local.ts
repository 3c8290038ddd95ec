/**
 * Local provider (the default): a whole contact center in this process, with no AWS account.
 * The Connect + Participant emulator is mounted at `/aws`, the agent desk API at `/local`, the media
 * server's signaling on `/control/<meetingId>`; the official SDK clients reach the emulator through
 * `endpoint` with dummy credentials, so the widget's backend runs the very code it runs against AWS.
 */
import { ConnectClient } from '@aws-sdk/client-connect';
import { ConnectParticipantClient } from '@aws-sdk/client-connectparticipant';
import type { FastifyBaseLogger } from 'fastify';
import { ConnectGateway } from '../connect-gateway';
import { createMediaServer } from '../media/create-media-server';
import { loadLocalConfig } from '../local/config/load-local-config';
import { createLocalContactCenter } from '../local/local-contact-center';
import { createLocalOperations } from '../local/local-operations';
import type { ContactCenterProvider } from './provider';

export interface LocalProviderOptions {
  /** Public base URL of this server (the emulator is at `${publicUrl}/aws`, signaling at ws(s)://…/control). */
  publicUrl: string;
  /** Base URL the server's own SDK clients use to reach the emulator (loopback). Defaults to publicUrl. */
  internalUrl?: string;
  configDir: string;
  dataDir: string;
  iceAddress?: string;
  /** A TURN service on this server's address that JOIN_ACK points browsers at (see the README). */
  turn?: { port: number; secret: string };
  logger: FastifyBaseLogger;
  /** Speak flow prompts with espeak-ng when it is installed (default true). */
  speech?: boolean;
}

export async function createLocalProvider(options: LocalProviderOptions): Promise<ContactCenterProvider> {
  const config = loadLocalConfig(options.configDir);
  const media = createMediaServer({ publicUrl: options.publicUrl, iceAddress: options.iceAddress, turn: options.turn, logger: options.logger });
  const center = createLocalContactCenter({ config, dataDir: options.dataDir, media, logger: options.logger, publicUrl: options.publicUrl });
  const operations = createLocalOperations({ config, contacts: center.contacts, media, logger: options.logger, speech: options.speech ?? true });

  // Dummy credentials: the emulator ignores signatures, and without them the SDK would walk its
  // default provider chain (which can try network metadata endpoints).
  const clientConfig = {
    region: config.instance.region,
    endpoint: `${options.internalUrl ?? options.publicUrl}/aws`,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  };
  const connect = new ConnectClient(clientConfig);
  const participant = new ConnectParticipantClient(clientConfig);

  return {
    name: 'local',
    gateway: new ConnectGateway(connect, participant),
    defaultEntryPoints: center.defaultEntryPoints,
    plugins: [
      { prefix: '/aws', plugin: center.emulator },
      { prefix: '/local', plugin: operations.desk },
    ],
    upgradeHandlers: [(req, socket, head) => media.handleUpgrade(req, socket, head), ...center.upgradeHandlers, ...operations.upgradeHandlers],
    describe: () => [
      `Local Connect emulator and Chime SDK Meetings API: ${options.publicUrl}/aws (any region, any credentials)`,
      `Instance: ${config.instance.id} (${config.instance.alias})`,
      ...config.flows.map((f) => `Flow: ${f.id} (${f.name})`),
      `Agent desk: ${options.publicUrl}/agent/`,
    ],
    close: async () => {
      operations.close();
      center.close();
      await media.close();
      connect.destroy();
      participant.destroy();
    },
  };
}
