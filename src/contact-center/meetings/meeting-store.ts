/**
 * The meetings of the Chime SDK Meetings API: kept in memory and written through to SQLite
 * (`meetings.sqlite` in the data folder), so they and their attendees survive a restart as the
 * contacts do. Join tokens stay in the record: the media server needs them to re-admit attendees.
 * The ClientRequestToken is only kept as a hash. Every method is synchronous (no interleaving).
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MeetingRecord } from './meeting-record';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meetings (id TEXT PRIMARY KEY, token_hash TEXT NOT NULL, record TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS meetings_token ON meetings(token_hash);
`;

/**
 * The emulator's meetings and attendees, in memory and written through to SQLite (they survive a
 * restart).
 */
export class MeetingStore {
  private readonly db: Database.Database;
  private readonly byId = new Map<string, MeetingRecord>();
  private readonly stmt;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'meetings.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    this.stmt = {
      put: this.db.prepare(
        'INSERT OR REPLACE INTO meetings (id, token_hash, record) VALUES (?, ?, ?)',
      ),
      remove: this.db.prepare('DELETE FROM meetings WHERE id = ?'),
      all: this.db.prepare<[], { record: string }>('SELECT record FROM meetings'),
    };
    for (const row of this.stmt.all.all()) {
      const record = JSON.parse(row.record) as MeetingRecord;
      this.byId.set(record.meeting.MeetingId, record);
    }
  }

  get(meetingId: string): MeetingRecord | undefined {
    return this.byId.get(meetingId);
  }

  /** The live meeting created with this (hashed) ClientRequestToken, if any. */
  byToken(tokenHash: string): MeetingRecord | undefined {
    for (const record of this.byId.values()) if (record.tokenHash === tokenHash) return record;
    return undefined;
  }

  all(): MeetingRecord[] {
    return [...this.byId.values()];
  }

  /** Writes the record to disk first, so memory never holds what the disk refused. */
  save(record: MeetingRecord): void {
    this.stmt.put.run(record.meeting.MeetingId, record.tokenHash, JSON.stringify(record));
    this.byId.set(record.meeting.MeetingId, record);
  }

  delete(meetingId: string): void {
    this.stmt.remove.run(meetingId);
    this.byId.delete(meetingId);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
