/**
 * The backend's logs, as operators read them and as the stack's metric filters count them
 * (infra/backend-monitoring.ts): structured JSON, each record of a request about a contact carrying
 * its id, Connect's throttling and server faults as `api-error` records, and never a token.
 */
import { describe, expect, it } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import { loggerOptions } from '../logging';
import { recordingLogger } from '../../server-common/testing/recording-logger';
import { startBody, testApp, TEST_ORIGIN } from './testing/api-test-kit';

async function loggedApp() {
  const log = recordingLogger({ ...(loggerOptions('info') as object) });
  const kit = await testApp({}, { logger: log.logger as unknown as FastifyBaseLogger });
  return { ...kit, ...log };
}

const connectError = (name: string, httpStatusCode: number) =>
  Object.assign(new Error(`${name} from Connect`), { name, $metadata: { httpStatusCode } });

describe('backend logs', () => {
  it('carry the contact id on every record about a contact, and no token', async () => {
    const { app, records, text } = await loggedApp();
    const started = await app.inject({
      method: 'POST',
      url: '/api/calls',
      headers: { origin: TEST_ORIGIN },
      payload: startBody(),
    });
    expect(started.statusCode).toBe(201);
    const { callToken } = started.json<{ callToken: string }>();
    expect(records).toContainEqual(
      expect.objectContaining({
        event: 'call-started',
        contactId: 'contact-1',
        entryPoint: 'default',
      }),
    );
    const before = records.length;
    const status = await app.inject({
      method: 'GET',
      url: '/api/calls/contact-1',
      headers: { authorization: `Bearer ${callToken}` },
    });
    expect(status.statusCode).toBe(200);
    const ofStatus = records.slice(before);
    expect(ofStatus.length).toBeGreaterThan(0);
    for (const r of ofStatus) expect(r).toMatchObject({ contactId: 'contact-1' });
    for (const secret of [callToken, 'participant-token', 'connection-token', 'join-token'])
      expect(text()).not.toContain(secret);
    await app.close();
  });

  it("records Connect's throttling and server faults as structured api-error records", async () => {
    const { app, records, failWith } = await loggedApp();
    for (const [error, status] of [
      [connectError('ThrottlingException', 429), 429],
      [connectError('InternalServiceException', 500), 502],
    ] as const) {
      failWith(error);
      const res = await app.inject({
        method: 'POST',
        url: '/api/calls',
        headers: { origin: TEST_ORIGIN },
        payload: startBody(),
      });
      expect(res.statusCode).toBe(status);
    }
    expect(records.filter((r) => r.event === 'api-error')).toEqual([
      expect.objectContaining({
        level: 40,
        status: 429,
        errorName: 'ThrottlingException',
        fromConnect: true,
        route: '/api/calls',
      }),
      expect.objectContaining({
        level: 50,
        status: 502,
        errorName: 'InternalServiceException',
        fromConnect: true,
      }),
    ]);
    await app.close();
  });
});
