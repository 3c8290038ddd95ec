/**
 * The backend as an AWS Lambda handler for API Gateway HTTP APIs (payload format 2.0) and Lambda
 * function URLs (the same format), through @fastify/aws-lambda: each event is injected into the
 * app, so routes, CORS, limits and error shapes are the standalone server's.
 */
import awsLambdaFastify from '@fastify/aws-lambda';
import { prepareApp, startFailure, type HandlerSource } from './handler-source';

/**
 * The members of an HTTP API / function URL event the handler reads (aws-lambda's
 * APIGatewayProxyEventV2 fits).
 */
export interface LambdaHttpEvent {
  version?: string;
  rawPath: string;
  rawQueryString?: string;
  headers?: Record<string, string | undefined>;
  queryStringParameters?: Record<string, string | undefined>;
  cookies?: string[];
  requestContext: {
    http: {
      method: string;
      path?: string;
      protocol?: string;
      sourceIp?: string;
      userAgent?: string;
    };
    requestId?: string;
    stage?: string;
    [member: string]: unknown;
  };
  body?: string;
  isBase64Encoded?: boolean;
}

/** The structured response API Gateway and function URLs expect. */
export interface LambdaHttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded?: boolean;
  cookies?: string[];
}

/** An AWS Lambda handler for API Gateway HTTP API (payload 2.0) and Function URL events. */
export type LambdaHandler = (
  event: LambdaHttpEvent,
  context?: unknown,
) => Promise<LambdaHttpResult>;

/** Builds the Lambda handler; create it at module scope so the app is built once per cold start. */
export function createLambdaHandler(source: HandlerSource): LambdaHandler {
  const ready = prepareApp(source);
  let proxy: ((event: LambdaHttpEvent, context: never) => Promise<LambdaHttpResult>) | undefined;
  return async (event, context) => {
    try {
      // decorateRequest off: the app is already ready, and the routes do not read the raw event.
      proxy ??= awsLambdaFastify<LambdaHttpEvent>(await ready, { decorateRequest: false });
    } catch {
      return {
        statusCode: startFailure.status,
        headers: { 'content-type': 'application/json' },
        body: startFailure.body,
      };
    }
    return proxy(event, (context ?? {}) as never);
  };
}
