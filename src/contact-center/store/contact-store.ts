/**
 * The embedded on-disk store of the local contact center (better-sqlite3, WAL): contact records,
 * idempotency entries (the stored 200 body per ClientToken) and participant/connection tokens, kept
 * only as sha256 hashes. A stored 200 body holds a ParticipantToken, so it is encrypted with a key
 * derived from the ClientToken, which only the caller knows. Every method is synchronous, so a
 * check-then-insert can never interleave.
 */
import Database from 'better-sqlite3';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../server-common/open-database';
import type { ContactRecord } from '../contacts/contact-record';

/** The kinds of token a contact's participants hold. */
export type TokenKind = 'participant' | 'connection' | 'websocket';

/** A token as stored: its kind, its contact and participant, its expiry. */
export interface StoredToken {
  kind: TokenKind;
  contactId: string;
  participantId: string;
  /** Epoch ms; absent = valid for the participant's lifetime. */
  expiresAt?: number;
}

/** sha256 hex of a token or client token: the raw value is never written to disk. */
export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

/** AES-256-GCM with a key from the ClientToken (a different hash from the stored lookup hash). */
function seal(clientToken: string, value: unknown): string {
  const key = createHash('sha256').update(`idempotency-key:${clientToken}`).digest();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64')).join('.');
}

function open(clientToken: string, sealed: string): unknown {
  const [iv = '', tag = '', data = ''] = sealed.split('.');
  const key = createHash('sha256').update(`idempotency-key:${clientToken}`).digest();
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return JSON.parse(
    Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString(
      'utf8',
    ),
  );
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS contacts (id TEXT PRIMARY KEY, instance_id TEXT NOT NULL, active INTEGER NOT NULL, record TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS contacts_active ON contacts(active);
CREATE TABLE IF NOT EXISTS idempotency (instance_id TEXT NOT NULL, operation TEXT NOT NULL, token_hash TEXT NOT NULL,
  response TEXT NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (instance_id, operation, token_hash));
CREATE TABLE IF NOT EXISTS tokens (token_hash TEXT PRIMARY KEY, kind TEXT NOT NULL, contact_id TEXT NOT NULL,
  participant_id TEXT NOT NULL, expires_at INTEGER);
`;

/** The contact center's SQLite store: contacts, participant tokens and idempotency records. */
export class ContactStore {
  private readonly db: Database.Database;
  private readonly stmt;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = openDatabase(join(dataDir, 'contact-center.sqlite'), SCHEMA, {
      name: "The local contact center's store",
      holds: 'contacts and idempotency tokens in it',
    });
    this.stmt = {
      putContact: this.db.prepare(
        'INSERT OR REPLACE INTO contacts (id, instance_id, active, record) VALUES (?, ?, ?, ?)',
      ),
      getContact: this.db.prepare<[string], { record: string }>(
        'SELECT record FROM contacts WHERE id = ?',
      ),
      active: this.db.prepare<[], { record: string }>(
        'SELECT record FROM contacts WHERE active = 1',
      ),
      getIdem: this.db.prepare<[string, string, string, number], { response: string }>(
        'SELECT response FROM idempotency WHERE instance_id = ? AND operation = ? AND token_hash = ? AND created_at > ?',
      ),
      putIdem: this.db.prepare(
        'INSERT OR REPLACE INTO idempotency (instance_id, operation, token_hash, response, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      purgeIdem: this.db.prepare('DELETE FROM idempotency WHERE created_at <= ?'),
      putToken: this.db.prepare(
        'INSERT INTO tokens (token_hash, kind, contact_id, participant_id, expires_at) VALUES (?, ?, ?, ?, ?)',
      ),
      getToken: this.db.prepare<
        [string],
        { kind: TokenKind; contact_id: string; participant_id: string; expires_at: number | null }
      >('SELECT kind, contact_id, participant_id, expires_at FROM tokens WHERE token_hash = ?'),
      deleteToken: this.db.prepare('DELETE FROM tokens WHERE token_hash = ?'),
    };
  }

  saveContact(record: ContactRecord): void {
    this.stmt.putContact.run(
      record.id,
      record.instanceId,
      record.state === 'ENDED' ? 0 : 1,
      JSON.stringify(record),
    );
  }

  getContact(id: string): ContactRecord | undefined {
    const row = this.stmt.getContact.get(id);
    return row ? (JSON.parse(row.record) as ContactRecord) : undefined;
  }

  activeContacts(): ContactRecord[] {
    return this.stmt.active.all().map((row) => JSON.parse(row.record) as ContactRecord);
  }

  /** The stored response for this token if it was used less than `maxAgeMs` ago. */
  findIdempotent(
    instanceId: string,
    operation: string,
    clientToken: string,
    now: number,
    maxAgeMs: number,
  ): unknown {
    const row = this.stmt.getIdem.get(
      instanceId,
      operation,
      hashToken(clientToken),
      now - maxAgeMs,
    );
    return row ? open(clientToken, row.response) : undefined;
  }

  rememberIdempotent(
    instanceId: string,
    operation: string,
    clientToken: string,
    response: unknown,
    now: number,
  ): void {
    this.stmt.putIdem.run(
      instanceId,
      operation,
      hashToken(clientToken),
      seal(clientToken, response),
      now,
    );
  }

  /** Drops idempotency entries older than `maxAgeMs`. */
  purgeIdempotent(now: number, maxAgeMs: number): void {
    this.stmt.purgeIdem.run(now - maxAgeMs);
  }

  saveToken(token: string, value: StoredToken): void {
    this.stmt.putToken.run(
      hashToken(token),
      value.kind,
      value.contactId,
      value.participantId,
      value.expiresAt ?? null,
    );
  }

  findToken(token: string): StoredToken | undefined {
    const row = this.stmt.getToken.get(hashToken(token));
    if (!row) return undefined;
    return {
      kind: row.kind,
      contactId: row.contact_id,
      participantId: row.participant_id,
      ...(row.expires_at === null ? {} : { expiresAt: row.expires_at }),
    };
  }

  deleteToken(token: string): void {
    this.stmt.deleteToken.run(hashToken(token));
  }

  /** Runs `fn` in one transaction (all-or-nothing on disk). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
