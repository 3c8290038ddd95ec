/**
 * The widget's backend end to end on the real local stack: /api → official SDK clients → emulator.
 * Start, status, DTMF and end, checked against what DescribeContact and the transcript then show.
 */
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { CallStatus, StartCallResponse } from '../../shared/call-api';
import { useLocalStack } from '../testing/use-local-stack';

const local = useLocalStack();

const post = (path: string, body: unknown, token?: string) =>
  fetch(`${local.stack.baseUrl}/api${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: local.stack.baseUrl,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });

describe('/api on the local stack', () => {
  it('runs start → status → DTMF → end', async () => {
    const clientToken = randomUUID();
    const res = await post('/calls', {
      entryPoint: 'default',
      displayName: 'Integration Jane',
      clientToken,
      attributes: { product: 'kettle' },
    });
    expect(res.status).toBe(201);
    const call = StartCallResponse.parse(await res.json());
    expect(call.allowedCapabilities.Customer?.Video).toBe('SEND');

    const again = StartCallResponse.parse(
      await (
        await post('/calls', {
          entryPoint: 'default',
          displayName: 'Integration Jane',
          clientToken,
          attributes: { product: 'kettle' },
        })
      ).json(),
    );
    expect(again.contactId).toBe(call.contactId);

    const statusRes = await fetch(`${local.stack.baseUrl}/api/calls/${call.contactId}`, {
      headers: { authorization: `Bearer ${call.callToken}` },
    });
    const status = CallStatus.parse(await statusRes.json());
    expect(['in-flow', 'queued']).toContain(status.state);

    const dtmf = await post(`/calls/${call.contactId}/dtmf`, { digits: '2' }, call.callToken);
    expect(dtmf.status).toBe(200);
    const contact =
      local.stack.provider.name === 'local'
        ? await local.stack.provider.gateway.describeContact(
            local.stack.provider.defaultEntryPoints[0]!.instanceId,
            call.contactId,
          )
        : undefined;
    expect(contact?.Attributes ?? {}).toMatchObject({ product: 'kettle' });
    expect(contact?.Description).toBe('Video call from Integration Jane');

    const end = await post(`/calls/${call.contactId}/end`, {}, call.callToken);
    expect(end.status).toBe(200);
    const after = CallStatus.parse(
      await (
        await fetch(`${local.stack.baseUrl}/api/calls/${call.contactId}`, {
          headers: { authorization: `Bearer ${call.callToken}` },
        })
      ).json(),
    );
    expect(after.state).toBe('ended');
    expect(after.disconnectReason).toBe('CUSTOMER_DISCONNECT');
  });

  it('names the queue while the contact waits in it (DescribeQueue through the official client)', async () => {
    const call = StartCallResponse.parse(
      await (
        await post('/calls', {
          entryPoint: 'default',
          displayName: 'Queue Quinn',
          clientToken: randomUUID(),
        })
      ).json(),
    );
    const status = async () =>
      CallStatus.parse(
        await (
          await fetch(`${local.stack.baseUrl}/api/calls/${call.contactId}`, {
            headers: { authorization: `Bearer ${call.callToken}` },
          })
        ).json(),
      );
    expect((await status()).queueName).toBeUndefined();
    // The menu is pending once the flow waits for input; "2" is Support.
    await expect
      .poll(
        async () =>
          (await post(`/calls/${call.contactId}/dtmf`, { digits: '2' }, call.callToken)).status,
      )
      .toBe(200);
    await expect.poll(async () => (await status()).state, { timeout: 15_000 }).toBe('queued');
    expect(await status()).toMatchObject({ state: 'queued', queueName: 'Support' });
    await post(`/calls/${call.contactId}/end`, {}, call.callToken);
  });

  it('cancel: the same start body ends the contact it started, or one its lost start would have started', async () => {
    const describe = (contactId: string) =>
      local.stack.provider.gateway.describeContact(
        local.stack.provider.defaultEntryPoints[0]!.instanceId,
        contactId,
      );
    const body = { entryPoint: 'default', displayName: 'Cancel Carla', clientToken: randomUUID() };
    const call = StartCallResponse.parse(await (await post('/calls', body)).json());
    expect((await describe(call.contactId)).DisconnectTimestamp).toBeUndefined();
    const res = await post('/calls/cancel', body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ contactId: call.contactId, cancelled: true });
    const ended = await describe(call.contactId);
    expect(ended.DisconnectTimestamp).toBeInstanceOf(Date);
    expect(ended.DisconnectReason).toBe('CUSTOMER_DISCONNECT');

    // The start never reached Connect: the cancel's own (idempotent) start is ended at once.
    const lost = { ...body, clientToken: randomUUID() };
    const cancelled = (await (await post('/calls/cancel', lost)).json()) as { contactId: string };
    expect((await describe(cancelled.contactId)).DisconnectTimestamp).toBeInstanceOf(Date);
    // A late start with that body replays the ended contact: it never comes back to life.
    const late = await post('/calls', lost);
    expect(late.status).toBe(403);
    expect((await late.json()).error.name).toBe('AccessDeniedException');
    expect((await describe(cancelled.contactId)).DisconnectTimestamp).toBeInstanceOf(Date);

    const bad = await post('/calls/cancel', { ...body, entryPoint: 'nope' });
    expect(bad.status).toBe(404);
    expect((await bad.json()).error.name).toBe('ResourceNotFoundException');
  });

  it('a rating after the end is stored on the contact (DescribeContact through the official client), once', async () => {
    const instanceId = local.stack.provider.defaultEntryPoints[0]!.instanceId;
    const call = StartCallResponse.parse(
      await (
        await post('/calls', {
          entryPoint: 'default',
          displayName: 'Rating Rhea',
          clientToken: randomUUID(),
        })
      ).json(),
    );
    const rate = (body: unknown) => post(`/calls/${call.contactId}/rating`, body, call.callToken);
    expect((await (await rate({ score: 5 })).json()).error.name).toBe('InvalidRequestException');
    await post(`/calls/${call.contactId}/end`, {}, call.callToken);
    const ok = await rate({ score: 5, comment: 'Sam fixed it' });
    expect(ok.status).toBe(200);
    const contact = await local.stack.provider.gateway.describeContact(instanceId, call.contactId);
    expect(contact.Attributes).toMatchObject({
      'cvc-rating': '5',
      'cvc-rating-comment': 'Sam fixed it',
    });
    const again = await rate({ score: 1 });
    expect(again.status).toBe(409);
    expect((await again.json()).error.name).toBe('ConflictException');
    expect(
      (await local.stack.provider.gateway.describeContact(instanceId, call.contactId)).Attributes?.[
        'cvc-rating'
      ],
    ).toBe('5');
  });

  it('refuses an attribute the entry point does not allow, creating nothing', async () => {
    const before = await fetch(`${local.stack.baseUrl}/api/health`);
    expect(before.ok).toBe(true);
    const res = await post('/calls', {
      entryPoint: 'default',
      displayName: 'X',
      clientToken: randomUUID(),
      attributes: { price: '0' },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.name).toBe('InvalidParameterException');
  });
});
