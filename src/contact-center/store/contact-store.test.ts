/**
 * ContactStore: idempotent replies are readable only with their ClientToken and only within the
 * window; tokens are found by value but stored by hash; active contacts are listed after reopening.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ContactStore, hashToken } from './contact-store';
import type { ContactRecord } from '../contacts/contact-record';

const stores: ContactStore[] = [];
const open = (dir = mkdtempSync(join(tmpdir(), 'cvc-store-'))) => {
  const store = new ContactStore(dir);
  stores.push(store);
  return { store, dir };
};
afterEach(() => stores.splice(0).forEach((s) => s.close()));

const DAY = 24 * 3600 * 1000;

describe('ContactStore', () => {
  it('replays an idempotent reply for its token within the window only, and never stores it in the clear', () => {
    const { store, dir } = open();
    store.rememberIdempotent(
      'inst',
      'Op',
      'client-token-1',
      { ParticipantToken: 'secret-participant-token' },
      1_000,
    );
    expect(store.findIdempotent('inst', 'Op', 'client-token-1', 1_000 + DAY, 7 * DAY)).toEqual({
      ParticipantToken: 'secret-participant-token',
    });
    expect(store.findIdempotent('inst', 'Op', 'client-token-2', 2_000, 7 * DAY)).toBeUndefined();
    expect(store.findIdempotent('other', 'Op', 'client-token-1', 2_000, 7 * DAY)).toBeUndefined();
    expect(
      store.findIdempotent('inst', 'Op', 'client-token-1', 1_000 + 7 * DAY, 7 * DAY),
    ).toBeUndefined();
    const raw = new Database(join(dir, 'contact-center.sqlite'), { readonly: true });
    const row = raw.prepare('SELECT token_hash, response FROM idempotency').get() as {
      token_hash: string;
      response: string;
    };
    raw.close();
    expect(row.token_hash).toBe(hashToken('client-token-1'));
    expect(row.response).not.toContain('secret');
    store.purgeIdempotent(1_000 + 8 * DAY, 7 * DAY);
    expect(store.findIdempotent('inst', 'Op', 'client-token-1', 1_000, 7 * DAY)).toBeUndefined();
  });

  it('finds tokens by value, deletes them, and lists active contacts after reopening', () => {
    const { store, dir } = open();
    store.saveToken('tok', {
      kind: 'connection',
      contactId: 'c1',
      participantId: 'p1',
      expiresAt: 5,
    });
    expect(store.findToken('tok')).toEqual({
      kind: 'connection',
      contactId: 'c1',
      participantId: 'p1',
      expiresAt: 5,
    });
    store.deleteToken('tok');
    expect(store.findToken('tok')).toBeUndefined();
    const record = { id: 'c1', instanceId: 'i', state: 'QUEUED' } as ContactRecord;
    store.saveContact(record);
    store.saveContact({ ...record, id: 'c2', state: 'ENDED' });
    store.close();
    const reopened = open(dir).store;
    expect(reopened.activeContacts().map((c) => c.id)).toEqual(['c1']);
    expect(reopened.getContact('c2')?.state).toBe('ENDED');
  });
});
