/**
 * The server package's public entry (`connect-video-call-server`): the widget's backend as a
 * library. The standalone server's parts (createApp, buildServer, the configuration and its
 * validation) and the same backend as a Fetch, Node (Express) or AWS Lambda handler, all built from
 * one validated configuration; plus entry-point loading and the AWS Connect provider for custom
 * wiring.
 */
export { createApp, type AppDeps, type UpgradeHandler } from './app';
export { buildServer, type BuildOptions, type BuiltServer } from './build-server';
export {
  EntryPoint,
  entryPointRegistry,
  loadEntryPointsFile,
  type EntryPointRegistry,
} from './entry-points';
export {
  createFetchHandler,
  type FetchHandler,
  type FetchHandlerOptions,
} from './handlers/fetch-handler';
/**
 * What a handler is built from: a ready Fastify app, or the configuration (and entry points) to
 * build one.
 */
export type { HandlerSource } from './handlers/handler-source';
export {
  createLambdaHandler,
  type LambdaHandler,
  type LambdaHttpEvent,
  type LambdaHttpResult,
} from './handlers/lambda-handler';
export { createNodeHandler, type NodeHandler } from './handlers/node-handler';
export { loadServerConfig, type ServerConfig, type ServerConfigInput } from './server-config';
export { createAwsProvider, type AwsProviderOptions } from './providers/aws-provider';
/**
 * The interface a custom contact center provider implements (createAwsProvider is the built-in
 * one).
 */
export type { ContactCenterProvider } from './providers/provider';
/** The dependencies the /api routes are built from, for wiring the backend by hand. */
export type { ApiDeps, ApiSecurity, CallGateway } from './routes/api-deps';
export { ConnectGateway } from './connect-gateway';
export { loggerOptions } from './logging';
