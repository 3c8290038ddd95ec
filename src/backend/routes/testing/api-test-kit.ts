/**
 * Test kit for the /api routes: an app built with createApp around a recording fake of the gateway
 * (the module boundary to Connect), so CORS, limits, tokens and validation can be tested alone. The
 * full path against the real emulator is covered by api-local-stack.test.ts.
 */
import type { StartWebRTCContactCommandInput } from '@aws-sdk/client-connect';
import { SignJWT } from 'jose';
import { afterEach } from 'vitest';
import { StartCallResponse } from '../../../shared/call-api';
import { createApp, type AppDeps } from '../../app';
import { entryPointRegistry, type EntryPoint } from '../../entry-points';
import type { ApiSecurity, CallGateway } from '../api-deps';
import { memoryDeferredEnds } from '../../deferred-end/deferred-ends';

/** The one site origin the test app allows (CORS and the Origin check). */
export const TEST_ORIGIN = 'https://shop.example';
/** The HS256 secret of customer tokens in the test app; customerToken signs with it. */
export const CUSTOMER_SECRET = 'customer-secret-for-tests-0123456789abcdef';

/**
 * An entry point using every option (capabilities, attributes, templates, references, rating,
 * rejoin), so the routes' handling of each shows in the requests the gateway fake records.
 */
export const testEntryPoint: EntryPoint = {
  id: 'default',
  instanceId: 'inst-1',
  contactFlowId: 'flow-1',
  allowedCapabilities: {
    Customer: { Video: 'SEND' },
    Agent: { Video: 'SEND', ScreenShare: 'SEND' },
  },
  allowedAttributes: ['product'],
  attributes: { site: 'shop' },
  description: 'Video call from {displayName} about {attr.product}',
  references: { page: { Type: 'URL', Value: 'https://shop.example/{attr.product}' } },
  requireCustomerToken: false,
  rating: true,
  rejoinGraceSeconds: 30,
};

/** A gateway fake that records what the routes send and answers like Connect would. */
export function fakeGateway() {
  const calls: {
    start: StartWebRTCContactCommandInput[];
    dtmf: string[];
    /** The ClientToken each DTMF SendMessage carried. */
    dtmfTokens: Array<string | undefined>;
    disconnect: string[];
    describeQueue: string[];
    attributes: Array<Record<string, string>>;
  } = { start: [], dtmf: [], dtmfTokens: [], disconnect: [], describeQueue: [], attributes: [] };
  let failNext: Error | undefined;
  const gateway: CallGateway = {
    async startWebRTCContact(input) {
      calls.start.push(input);
      if (failNext) {
        const e = failNext;
        failNext = undefined;
        throw e;
      }
      return {
        $metadata: {},
        ContactId: 'contact-1',
        ParticipantId: 'participant-1',
        ParticipantToken: 'participant-token',
        ConnectionData: {
          Attendee: { AttendeeId: 'att-1', JoinToken: 'join-token' },
          Meeting: {
            MeetingId: 'meeting-1',
            MediaRegion: 'us-east-1',
            MediaPlacement: { AudioHostUrl: 'audio', SignalingUrl: 'wss://x/control/meeting-1' },
          },
        },
      };
    },
    async createConnection() {
      return { connectionToken: 'connection-token', websocketUrl: 'wss://x/events' };
    },
    async sendDtmf(_token, digits, clientToken) {
      calls.dtmf.push(digits);
      calls.dtmfTokens.push(clientToken);
      return { id: 'msg-1', absoluteTime: '2026-01-01T00:00:00.000Z' };
    },
    async disconnect(token) {
      calls.disconnect.push(token);
    },
    async describeContact() {
      return {
        Id: 'contact-1',
        QueueInfo: { Id: 'queue-1', EnqueueTimestamp: new Date(1_700_000_000_000) },
      };
    },
    async updateContactAttributes(_instanceId, _contactId, attributes) {
      calls.attributes.push(attributes);
    },
    async describeQueue(_instanceId, queueId) {
      calls.describeQueue.push(queueId);
      return { QueueId: queueId, Name: 'Support' };
    },
  };
  return {
    gateway,
    calls,
    failWith: (e: Error) => {
      failNext = e;
    },
  };
}

/** The app around the fake gateway; `extra` adds app options (a dist folder, timeouts). */
export async function testApp(
  security: Partial<ApiSecurity> = {},
  extra: Partial<Omit<AppDeps, 'api'>> = {},
) {
  const fake = fakeGateway();
  const deferredEnds = memoryDeferredEnds();
  const app = await createApp({
    api: {
      gateway: fake.gateway,
      deferredEnds,
      entryPoints: entryPointRegistry([
        testEntryPoint,
        { ...testEntryPoint, id: 'members', requireCustomerToken: true },
        { ...testEntryPoint, id: 'no-rating', rating: false },
        { ...testEntryPoint, id: 'short-grace', rejoinGraceSeconds: 5 },
        { ...testEntryPoint, id: 'low-video', maxVideoQuality: '360p' },
      ]),
      security: {
        allowedOrigins: [TEST_ORIGIN],
        rateLimitPerMinute: 1000,
        bodyLimitBytes: 4096,
        trustProxy: false,
        customerJwtSecret: CUSTOMER_SECRET,
        sessionSecret: new TextEncoder().encode('session-secret-for-tests-0123456789abcdef'),
        ...security,
      },
    },
    ...extra,
  });
  return { app, deferredEnds, ...fake };
}

/**
 * Signs a customer token (HS256) with these claims, as a site's backend would; pass another secret
 * or a negative lifetime to test refusals.
 */
export function customerToken(
  claims: Record<string, unknown>,
  expiresInSeconds = 300,
  secret = CUSTOMER_SECRET,
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime(Math.floor(Date.now() / 1000) + expiresInSeconds)
    .sign(new TextEncoder().encode(secret));
}

/** A valid POST /api/calls body; `over` replaces or adds fields to make a bad one. */
export const startBody = (over: Record<string, unknown> = {}) => ({
  entryPoint: 'default',
  displayName: 'Jane Doe',
  clientToken: 'client-token-0123456789',
  ...over,
});

/**
 * For a test file whose tests each start a call: returns `appWithCall(entryPoint)`, which builds a test
 * app, starts a call on it through POST /api/calls and gives `callRoute(what)` to POST the call's own
 * routes (/api/calls/:contactId/<what>) bearing its call token unless another `token` is given. Every
 * app it built is closed after each test.
 */
export function useAppsWithCall() {
  const apps: Array<{ close(): Promise<unknown> }> = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });
  return async function appWithCall(entryPoint = 'default') {
    const t = await testApp();
    apps.push(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/calls',
      payload: startBody({ entryPoint }),
    });
    const call = StartCallResponse.parse(res.json());
    const callRoute = (
      what: string,
      {
        token = call.callToken,
        payload,
      }: { token?: string; payload?: Record<string, unknown> } = {},
    ) =>
      t.app.inject({
        method: 'POST',
        url: `/api/calls/${call.contactId}/${what}`,
        headers: { authorization: `Bearer ${token}` },
        ...(payload === undefined ? {} : { payload }),
      });
    return { ...t, call, callRoute };
  };
}
