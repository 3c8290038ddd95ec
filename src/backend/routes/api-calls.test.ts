/** The /api call contract, run over every way the backend is served (testing/api-transports.ts). */
import { describe, expect, it } from 'vitest';
import { StartCallResponse } from '../../shared/call-api';
import { startBody } from './testing/api-test-kit';
import { API_TRANSPORTS, useServedApp } from './testing/api-transports';

describe.each(API_TRANSPORTS)('over $name', (transport) => {
  const api = useServedApp(transport);

  async function started() {
    const t = await api.serve();
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/calls',
      payload: startBody({ attributes: { product: 'kettle' } }),
    });
    expect(res.statusCode).toBe(201);
    return { ...t, call: StartCallResponse.parse(res.json()) };
  }

  describe('POST /api/calls', () => {
    it('starts the contact the entry point describes, never what the page asks for', async () => {
      const { calls, call } = await started();
      const input = calls.start[0]!;
      expect(input).toMatchObject({
        InstanceId: 'inst-1',
        ContactFlowId: 'flow-1',
        ParticipantDetails: { DisplayName: 'Jane Doe' },
        AllowedCapabilities: {
          Customer: { Video: 'SEND' },
          Agent: { Video: 'SEND', ScreenShare: 'SEND' },
        },
        Attributes: { site: 'shop', product: 'kettle' },
        Description: 'Video call from Jane Doe about kettle',
        References: { page: { Type: 'URL', Value: 'https://shop.example/kettle' } },
      });
      expect(input.ClientToken).toMatch(/^[0-9a-f]{64}$/);
      expect(call).toMatchObject({
        contactId: 'contact-1',
        participantId: 'participant-1',
        eventsUrl: 'wss://x/events',
      });
      expect(call.connectionData.Attendee.AttendeeId).toBe('att-1');
      expect(call).not.toHaveProperty('maxVideoQuality'); // no cap: the quality adapts
    });

    it("carries the entry point's camera quality cap to the widget", async () => {
      await api.serve();
      const res = await api.app.inject({
        method: 'POST',
        url: '/api/calls',
        payload: startBody({ entryPoint: 'low-video' }),
      });
      expect(StartCallResponse.parse(res.json()).maxVideoQuality).toBe('360p');
    });

    it('sends the same ClientToken for a retry with the same browser token', async () => {
      const t = await api.serve();
      await api.app.inject({ method: 'POST', url: '/api/calls', payload: startBody() });
      await api.app.inject({ method: 'POST', url: '/api/calls', payload: startBody() });
      await api.app.inject({
        method: 'POST',
        url: '/api/calls',
        payload: startBody({ clientToken: 'another-token-0123456789' }),
      });
      const [a, b, c] = t.calls.start.map((s) => s.ClientToken);
      expect(a).toBe(b);
      expect(c).not.toBe(a);
    });

    it.each([
      [{ displayName: '' }, 'displayName'],
      [{ clientToken: 'short' }, 'clientToken'],
      [{ entryPoint: undefined }, 'entryPoint'],
      [{ attributes: { 'bad key': 'x' } }, 'attributes'],
      [{ instanceId: 'other' }, 'instanceId'],
    ])('refuses %j with InvalidParameterException naming the field', async (over, field) => {
      const t = await api.serve();
      const res = await api.app.inject({
        method: 'POST',
        url: '/api/calls',
        payload: startBody(over),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        name: 'InvalidParameterException',
        message: expect.stringContaining(field),
      });
      expect(t.calls.start).toHaveLength(0);
    });

    it('refuses attributes outside the entry point allow-list', async () => {
      const t = await api.serve();
      const res = await api.app.inject({
        method: 'POST',
        url: '/api/calls',
        payload: startBody({ attributes: { product: 'a', price: '0' } }),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain('"price"');
      expect(t.calls.start).toHaveLength(0);
    });

    it('names an unknown entry point', async () => {
      await api.serve();
      const res = await api.app.inject({
        method: 'POST',
        url: '/api/calls',
        payload: startBody({ entryPoint: 'nope' }),
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toMatchObject({
        name: 'ResourceNotFoundException',
        message: 'Unknown entry point "nope".',
      });
    });

    it('passes Connect client errors through and marks server faults retryable', async () => {
      const t = await api.serve();
      t.failWith(
        Object.assign(new Error('Flow not found'), {
          name: 'ResourceNotFoundException',
          $metadata: { httpStatusCode: 404 },
        }),
      );
      const res = await api.app.inject({ method: 'POST', url: '/api/calls', payload: startBody() });
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toEqual({
        name: 'ResourceNotFoundException',
        message: 'Flow not found',
        retryable: false,
      });
      t.failWith(
        Object.assign(new Error('boom'), {
          name: 'InternalServiceException',
          $metadata: { httpStatusCode: 500 },
        }),
      );
      const five = await api.app.inject({
        method: 'POST',
        url: '/api/calls',
        payload: startBody(),
      });
      expect(five.statusCode).toBe(502);
      expect(five.json().error.retryable).toBe(true);
      t.failWith(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
      const down = await api.app.inject({
        method: 'POST',
        url: '/api/calls',
        payload: startBody(),
      });
      expect(down.statusCode).toBe(503);
      expect(down.json().error).toMatchObject({
        name: 'ServiceUnavailableException',
        retryable: true,
      });
    });
  });

  describe('call actions with the call token', () => {
    it('reads status, sends DTMF and ends the call', async () => {
      const { call, calls } = await started();
      const auth = { authorization: `Bearer ${call.callToken}` };
      const status = await api.app.inject({
        method: 'GET',
        url: `/api/calls/${call.contactId}`,
        headers: auth,
      });
      expect(status.json()).toMatchObject({
        contactId: 'contact-1',
        state: 'queued',
        queueName: 'Support',
        enqueuedAt: '2023-11-14T22:13:20.000Z',
      });
      await api.app.inject({ method: 'GET', url: `/api/calls/${call.contactId}`, headers: auth });
      expect(calls.describeQueue).toEqual(['queue-1']); // the second status used the cached name
      const dtmf = await api.app.inject({
        method: 'POST',
        url: `/api/calls/${call.contactId}/dtmf`,
        headers: auth,
        payload: { digits: '12#', clientToken: 'key-press-0000000001' },
      });
      expect(dtmf.json()).toEqual({ messageId: 'msg-1', sentAt: '2026-01-01T00:00:00.000Z' });
      expect(calls.dtmf).toEqual(['12#']);
      expect(calls.dtmfTokens).toEqual(['key-press-0000000001']);
      const shortToken = await api.app.inject({
        method: 'POST',
        url: `/api/calls/${call.contactId}/dtmf`,
        headers: auth,
        payload: { digits: '1', clientToken: 'short' },
      });
      expect(shortToken.statusCode).toBe(400);
      expect(shortToken.json().error.name).toBe('InvalidParameterException');
      expect(calls.dtmf).toEqual(['12#']);
      const end = await api.app.inject({
        method: 'POST',
        url: `/api/calls/${call.contactId}/end`,
        headers: auth,
      });
      expect(end.json()).toEqual({ ended: true });
      expect(calls.disconnect).toEqual(['connection-token']);
    });

    it('refuses bad digits, a missing token, a forged token and another contact', async () => {
      const { call, calls } = await started();
      const auth = { authorization: `Bearer ${call.callToken}` };
      const bad = await api.app.inject({
        method: 'POST',
        url: `/api/calls/${call.contactId}/dtmf`,
        headers: auth,
        payload: { digits: '12a' },
      });
      expect(bad.statusCode).toBe(400);
      expect(
        (await api.app.inject({ method: 'POST', url: `/api/calls/${call.contactId}/end` }))
          .statusCode,
      ).toBe(401);
      const forged = call.callToken.slice(0, -4) + 'AAAA';
      expect(
        (
          await api.app.inject({
            method: 'POST',
            url: `/api/calls/${call.contactId}/end`,
            headers: { authorization: `Bearer ${forged}` },
          })
        ).statusCode,
      ).toBe(401);
      const other = await api.app.inject({
        method: 'POST',
        url: '/api/calls/contact-2/end',
        headers: auth,
      });
      expect(other.statusCode).toBe(403);
      expect(calls.dtmf).toHaveLength(0);
      expect(calls.disconnect).toHaveLength(0);
    });
  });
});
