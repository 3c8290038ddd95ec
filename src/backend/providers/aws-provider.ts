/**
 * Production provider: the official SDK clients on AWS's own endpoints, with the standard region
 * and credential chain (env, profile, SSO, instance role). `AWS_ENDPOINT_URL_CONNECT` and
 * `AWS_ENDPOINT_URL_CONNECTPARTICIPANT` are honoured by the SDK itself.
 */
import { ConnectClient } from '@aws-sdk/client-connect';
import { ConnectParticipantClient } from '@aws-sdk/client-connectparticipant';
import { ConnectGateway } from '../connect-gateway';
import type { ContactCenterProvider } from './provider';

/** Options of the Amazon Connect provider (the region of the SDK clients). */
export interface AwsProviderOptions {
  region?: string;
  /** Only for tests and special setups; production leaves these to the SDK's defaults. */
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * The production provider: real Amazon Connect through the official SDK v3 clients, no routes of
 * its own.
 */
export function createAwsProvider(options: AwsProviderOptions = {}): ContactCenterProvider {
  const common = {
    ...(options.region ? { region: options.region } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  };
  const connect = new ConnectClient(common);
  const participant = new ConnectParticipantClient(common);
  return {
    name: 'aws',
    gateway: new ConnectGateway(connect, participant),
    defaultEntryPoints: [],
    plugins: [],
    upgradeHandlers: [],
    describe: () => [
      `Amazon Connect (AWS SDK v3, region ${options.region ?? 'from the AWS configuration'})`,
    ],
    close: async () => {
      connect.destroy();
      participant.destroy();
    },
  };
}
