/**
 * Test kit: API Gateway HTTP API and Lambda function URL events (payload format 2.0) as AWS
 * documents them, built from a plain request description.
 */
import type { LambdaHttpEvent } from '../../handlers/lambda-handler';

/**
 * A plain HTTP request description, turned into each transport's own form (injection, fetch, Lambda
 * event).
 */
export interface ApiRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  payload?: unknown;
}

/**
 * The event API Gateway (`http-api`) or a function URL sends for `request` (payload already
 * encoded).
 */
export function lambdaEvent(
  kind: 'http-api' | 'function-url',
  request: ApiRequest & { payload?: string },
): LambdaHttpEvent & Record<string, unknown> {
  const [rawPath = '/', rawQueryString = ''] = request.url.split('?');
  const domainName =
    kind === 'http-api'
      ? 'abc123.execute-api.us-east-1.amazonaws.com'
      : 'abc123.lambda-url.us-east-1.on.aws';
  const headers = {
    host: domainName,
    'user-agent': 'vitest',
    'x-forwarded-for': '203.0.113.7',
    ...lower(request.headers ?? {}),
  };
  return {
    version: '2.0',
    routeKey: kind === 'http-api' ? 'ANY /api/{proxy+}' : '$default',
    rawPath,
    rawQueryString,
    headers,
    ...(rawQueryString
      ? { queryStringParameters: Object.fromEntries(new URLSearchParams(rawQueryString)) }
      : {}),
    ...(kind === 'http-api' ? { pathParameters: { proxy: rawPath.replace(/^\/api\//, '') } } : {}),
    requestContext: {
      accountId: kind === 'http-api' ? '123456789012' : 'anonymous',
      apiId: 'abc123',
      domainName,
      domainPrefix: 'abc123',
      http: {
        method: request.method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: '203.0.113.7',
        userAgent: 'vitest',
      },
      requestId: `req-${Math.random().toString(36).slice(2)}`,
      routeKey: kind === 'http-api' ? 'ANY /api/{proxy+}' : '$default',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    ...(request.payload !== undefined
      ? { body: request.payload, isBase64Encoded: false }
      : { isBase64Encoded: false }),
  };
}

const lower = (h: Record<string, string>) =>
  Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
