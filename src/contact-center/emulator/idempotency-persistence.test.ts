/**
 * Contract: ClientToken idempotency (same token, same contact and response; 20 concurrent requests,
 * one contact; 7-day window) and persistence of contacts, tokens and idempotency across a restart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DescribeContactCommand, StartWebRTCContactCommand } from '@aws-sdk/client-connect';
import {
  CreateParticipantConnectionCommand,
  SendMessageCommand,
} from '@aws-sdk/client-connectparticipant';
import { startEmulatorHarness, type EmulatorHarness } from './testing/emulator-harness';

let h: EmulatorHarness;
afterEach(async () => h?.close());

const start = (clientToken?: string, name = 'Ada') =>
  h.connect.send(
    new StartWebRTCContactCommand({
      InstanceId: h.config.instance.id,
      ContactFlowId: h.config.defaultFlowId,
      ParticipantDetails: { DisplayName: name },
      ...(clientToken ? { ClientToken: clientToken } : {}),
    }),
  );
const strip = <T extends { $metadata?: unknown }>(o: T) => ({ ...o, $metadata: undefined });

describe('ClientToken idempotency', () => {
  it('the same token returns the same contact and response; another token a new contact', async () => {
    h = await startEmulatorHarness();
    const a = await start('token-0000000001');
    const b = await start('token-0000000001', 'Someone else');
    expect(strip(b)).toEqual(strip(a));
    const c = await start('token-0000000002');
    expect(c.ContactId).not.toBe(a.ContactId);
    expect(h.media.meetings.size).toBe(2);
  });

  it('20 concurrent requests with one token create exactly one contact and one meeting', async () => {
    h = await startEmulatorHarness();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => start('concurrent-token-1')),
    );
    expect(new Set(results.map((r) => r.ContactId)).size).toBe(1);
    expect(new Set(results.map((r) => r.ParticipantToken)).size).toBe(1);
    expect(h.aws.contacts.listActive()).toHaveLength(1);
    expect(h.media.meetings.size).toBe(1);
  });

  it('a token is honoured for 7 days and creates a new contact after that', async () => {
    let now = Date.now();
    h = await startEmulatorHarness({ now: () => now });
    const a = await start('week-token-00001');
    now += 7 * 24 * 3600 * 1000 - 1000;
    expect((await start('week-token-00001')).ContactId).toBe(a.ContactId);
    now += 2000;
    expect((await start('week-token-00001')).ContactId).not.toBe(a.ContactId);
  });
});

describe('restart persistence', () => {
  it('contacts, tokens and idempotency survive a restart; active meetings are restored', async () => {
    h = await startEmulatorHarness();
    const a = await start('restart-token-001');
    const conn = await h.participant.send(
      new CreateParticipantConnectionCommand({
        ParticipantToken: a.ParticipantToken,
        Type: ['CONNECTION_CREDENTIALS'],
      }),
    );
    await h.participant.send(
      new SendMessageCommand({
        ConnectionToken: conn.ConnectionCredentials?.ConnectionToken,
        ContentType: 'audio/dtmf',
        Content: '5',
      }),
    );

    await h.restart();
    expect(h.media.restored).toEqual([a.ConnectionData?.Meeting?.MeetingId]);
    expect(
      h.media.meetings
        .get(a.ConnectionData?.Meeting?.MeetingId ?? '')
        ?.attendees.map((x) => x.AttendeeId),
    ).toEqual([a.ConnectionData?.Attendee?.AttendeeId]);
    const { Contact } = await h.connect.send(
      new DescribeContactCommand({ InstanceId: h.config.instance.id, ContactId: a.ContactId }),
    );
    expect(Contact?.Name).toBe('Ada');
    expect(strip(await start('restart-token-001'))).toEqual(strip(a));
    const again = await h.participant.send(
      new CreateParticipantConnectionCommand({
        ParticipantToken: a.ParticipantToken,
        Type: ['CONNECTION_CREDENTIALS'],
      }),
    );
    expect(again.ConnectionCredentials?.ConnectionToken).toBeTruthy();
    expect(h.aws.contacts.get(a.ContactId ?? '')?.transcript.map((t) => t.content)).toEqual(['5']);
  });

  // Join tokens stay in the record: restoreMeeting needs them to re-admit attendees after a
  // restart.
  it('keeps no raw client, participant or connection token on disk', async () => {
    h = await startEmulatorHarness();
    const a = await start('hashed-client-token-xyz');
    const conn = await h.participant.send(
      new CreateParticipantConnectionCommand({
        ParticipantToken: a.ParticipantToken,
        Type: ['CONNECTION_CREDENTIALS'],
      }),
    );
    const db = ['contact-center.sqlite', 'contact-center.sqlite-wal'].map((f) => {
      try {
        return readFileSync(join(h.dataDir, f)).toString('latin1');
      } catch {
        return '';
      }
    });
    expect(db.join('')).toContain(a.ContactId);
    expect(db.join('')).not.toContain('hashed-client-token-xyz');
    expect(db.join('')).not.toContain(a.ParticipantToken);
    expect(db.join('')).not.toContain(conn.ConnectionCredentials?.ConnectionToken);
  });
});
