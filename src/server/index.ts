/**
 * The server package's public entry: the standalone server's parts and the same backend as a Fetch,
 * Node (Express) or AWS Lambda handler, all built from one validated configuration.
 */
export { createApp, type AppDeps } from './app';
export { buildServer, type BuildOptions, type BuiltServer } from './build-server';
export { EntryPoint } from './entry-points';
export { createFetchHandler, type FetchHandler, type FetchHandlerOptions } from './handlers/fetch-handler';
export type { HandlerSource } from './handlers/handler-source';
export { createLambdaHandler, type LambdaHandler, type LambdaHttpEvent, type LambdaHttpResult } from './handlers/lambda-handler';
export { createNodeHandler, type NodeHandler } from './handlers/node-handler';
export { loadServerConfig, type ServerConfig, type ServerConfigInput } from './server-config';
