/**
 * Deferred ends in a SQLite file (the standalone server): durable across restarts, and shared by
 * every server process on the machine that opens the same file (SQLite's locking makes `takeDue`
 * atomic).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDatabase } from '../../server-common/open-database';
import type { DeferredEnd, DeferredEnds } from './deferred-ends';

const SCHEMA = `CREATE TABLE IF NOT EXISTS deferred_ends (
  contact_id TEXT PRIMARY KEY,
  instance_id TEXT NOT NULL,
  connection_token TEXT NOT NULL,
  due_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS deferred_ends_due ON deferred_ends (due_at);`;

interface Row {
  contact_id: string;
  instance_id: string;
  connection_token: string;
  due_at: number;
}

/** Opens (or creates) the deferred-ends file. */
export function sqliteDeferredEnds(file: string): DeferredEnds {
  mkdirSync(dirname(file), { recursive: true });
  const db = openDatabase(file, SCHEMA, {
    name: "The backend's deferred-ends store",
    holds: 'pending ends of calls whose customer is away',
  });
  db.pragma('busy_timeout = 2000');
  const put = db.prepare(
    `INSERT INTO deferred_ends (contact_id, instance_id, connection_token, due_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (contact_id) DO UPDATE SET instance_id = excluded.instance_id,
       connection_token = excluded.connection_token, due_at = excluded.due_at`,
  );
  const cancel = db.prepare('DELETE FROM deferred_ends WHERE contact_id = ?');
  const take = db.prepare('DELETE FROM deferred_ends WHERE due_at <= ? RETURNING *');
  return {
    put: async (e) => void put.run(e.contactId, e.instanceId, e.connectionToken, e.dueAt),
    cancel: async (contactId) => cancel.run(contactId).changes > 0,
    takeDue: async (now) =>
      (take.all(now) as Row[]).map((r): DeferredEnd => ({
        contactId: r.contact_id,
        instanceId: r.instance_id,
        connectionToken: r.connection_token,
        dueAt: r.due_at,
      })),
    close: () => db.close(),
  };
}
