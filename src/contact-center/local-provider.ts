/**
 * Local mode's composition (the default provider): a whole contact center in this process, with no
 * AWS account. It builds the media server, the emulated AWS (store, contacts, the Connect +
 * Participant emulator at `/aws`), the flows and queues with the agent desk API at `/local`, the
 * front door that guards `/aws`, and the official SDK clients that reach the emulator through
 * `endpoint`, so the widget's backend runs the very code it runs against AWS. build-server.ts loads
 * it only in local mode.
 */
import { ConnectClient } from '@aws-sdk/client-connect';
import { ConnectParticipantClient } from '@aws-sdk/client-connectparticipant';
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { ConnectGateway } from '../backend/connect-gateway';
import type { ContactCenterProvider } from '../backend/providers/provider';
import { createMediaServer } from '../media-server/create-media-server';
import { systemClock } from './clock';
import { loadLocalConfig } from './config/load-local-config';
import { createEmulatedAws, EMULATOR_PREFIX } from './emulated-aws';
import { participantAdder } from './desk/add-participant';
import { createFlowsAndQueues } from './flows-and-queues';
import { awsFrontDoor } from './aws-front-door/aws-front-door';
import type { AwsCredential } from './aws-front-door/request-auth';
import { localOnly, refuseUntrustedUpgrades } from './local-only';
import { LOOPBACK_HOSTS } from '../backend/own-origin';
import { selfTrustingAgent } from '../backend/self-link';

/** What the local provider is built from (the local parts of the server's configuration). */
export interface LocalProviderOptions {
  /**
   * Public base URL of this server (the emulator is at `${publicUrl}/aws`, signaling at
   * ws(s)://…/control).
   */
  publicUrl: string;
  /**
   * Base URL the server's own SDK clients use to reach the emulator (loopback). Defaults to
   * publicUrl.
   */
  internalUrl?: string;
  /**
   * PEM of the certificate the server serves over `internalUrl` (https): the clients trust exactly
   * it.
   */
  internalCert?: string;
  configDir: string;
  dataDir: string;
  iceAddress?: string;
  /** A TURN service on this server's address that JOIN_ACK points browsers at (see the README). */
  turn?: { port: number; secret: string };
  logger: FastifyBaseLogger;
  /** Speak flow prompts with espeak-ng when it is installed (default true). */
  speech?: boolean;
  /**
   * Extra host names the local-only endpoints answer to (PUBLIC_URL's, loopback and iceAddress
   * always).
   */
  trustedHosts?: string[];
  /** The emulator's rate limit per client IP and minute (default 600). */
  awsRateLimitPerMinute?: number;
  /** When set, the emulator verifies SigV4 signatures against this credential. */
  awsCredentials?: AwsCredential;
}

/** The hosts the local stack answers to. */
function localTrustedHosts(
  options: Pick<LocalProviderOptions, 'publicUrl' | 'iceAddress' | 'trustedHosts'>,
): string[] {
  const hosts = [
    ...LOOPBACK_HOSTS,
    new URL(options.publicUrl).hostname,
    ...(options.iceAddress ? [options.iceAddress] : []),
    ...(options.trustedHosts ?? []),
  ];
  return [...new Set(hosts.map((h) => h.replace(/^\[|\]$/g, '').toLowerCase()))];
}

/**
 * Builds local mode's provider; close() stops the flows, the store, the media server and the
 * clients.
 */
export async function createLocalProvider(
  options: LocalProviderOptions,
): Promise<ContactCenterProvider> {
  const config = loadLocalConfig(options.configDir);
  const media = createMediaServer({
    publicUrl: options.publicUrl,
    iceAddress: options.iceAddress,
    turn: options.turn,
    logger: options.logger,
  });
  const now = systemClock;
  const aws = createEmulatedAws({
    config,
    now,
    dataDir: options.dataDir,
    media,
    logger: options.logger,
    publicUrl: options.publicUrl,
  });

  // The server's own clients sign with a credential made for this process: the emulator verifies it
  // and does not throttle it (/api limits these calls already). Explicit credentials also keep the
  // SDK from walking its default provider chain (which can try network metadata endpoints).
  const internal = {
    accessKeyId: `LOCALINTERNAL${randomBytes(8).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(32).toString('base64'),
  };
  const clientConfig = {
    region: config.instance.region,
    endpoint: `${options.internalUrl ?? options.publicUrl}${EMULATOR_PREFIX}`,
    credentials: internal,
    ...(options.internalCert
      ? { requestHandler: { httpsAgent: selfTrustingAgent(options.internalCert) } }
      : {}),
  };
  const trustedHosts = localTrustedHosts(options);
  const ownOrigins = [new URL(options.publicUrl).origin];
  const frontDoor = awsFrontDoor(
    {
      trustedHosts,
      ownOrigins,
      rateLimitPerMinute: options.awsRateLimitPerMinute ?? 600,
      internal,
      ...(options.awsCredentials ? { credentials: options.awsCredentials } : {}),
      unsigned: (path) => path.startsWith('/participant/'),
      bodyLimitBytes: 1_048_576,
    },
    [aws.emulator],
  );
  const connect = new ConnectClient(clientConfig);
  const participant = new ConnectParticipantClient(clientConfig);
  const gateway = new ConnectGateway(connect, participant);
  const flows = createFlowsAndQueues({
    config,
    contacts: aws.contacts,
    media,
    logger: options.logger,
    speech: options.speech ?? true,
    now,
    addParticipant: participantAdder(gateway, options.publicUrl),
  });

  return {
    name: 'local',
    gateway,
    defaultEntryPoints: aws.defaultEntryPoints,
    plugins: [
      { prefix: EMULATOR_PREFIX, plugin: frontDoor },
      { prefix: '/local', plugin: localOnly(trustedHosts, ownOrigins, flows.desk) },
    ],
    upgradeHandlers: [
      refuseUntrustedUpgrades(trustedHosts),
      (req, socket, head) => media.handleUpgrade(req, socket, head),
      ...aws.upgradeHandlers,
    ],
    describe: () => [
      `Local Connect emulator and Chime SDK Meetings API: ${options.publicUrl}/aws (any region; ${options.awsCredentials ? `SigV4 verified for access key ${options.awsCredentials.accessKeyId}` : 'any credentials'})`,
      `Instance: ${config.instance.id} (${config.instance.alias})`,
      ...config.flows.map((f) => `Flow: ${f.id} (${f.name})`),
      `Agent desk: ${options.publicUrl}/agent/`,
    ],
    close: async () => {
      flows.close();
      aws.close();
      await media.close();
      connect.destroy();
      participant.destroy();
    },
  };
}
