/**
 * The server package's public entry (`connect-video-call-server`): the widget's backend as a library,
 * for sites that run it inside their own Node backend. Exports what exists today: `createApp` (the
 * whole /api surface as a Fastify app, no side effects), the environment parsing and validation of
 * the standalone server, entry-point loading, and the AWS Connect provider. The Fetch, Express/Node and
 * AWS Lambda adapters are added here by the backend work (issue 13).
 */
export { createApp, type AppDeps, type UpgradeHandler } from './app';
export { readServerConfig, type ServerConfig } from './server-config';
export { entryPointRegistry, loadEntryPointsFile, type EntryPoint, type EntryPointRegistry } from './entry-points';
export { createAwsProvider, type AwsProviderOptions } from './providers/aws-connect';
export type { ContactCenterProvider } from './providers/provider';
export type { ApiDeps, ApiSecurity, CallGateway } from './routes/api-deps';
export { ConnectGateway } from './connect-gateway';
export { loggerOptions } from './logging';
