/**
 * Opens the store's SQLite file, refusing one that is damaged or not a database with a message that
 * names the file and what to do. The check runs before anything is written, so a file that fails
 * it is left exactly as it was: data is never silently recreated.
 */
import Database from 'better-sqlite3';

/** What a store holds, for the message that says what is lost if its damaged file is moved away. */
export interface StoreDescription {
  /** The store's name in a sentence, e.g. "The local contact center's store". */
  name: string;
  /** What moving the file away loses, e.g. "contacts and idempotency tokens in it". */
  holds: string;
}

/** Opens `file` (created when missing), checks its integrity, then applies `schema`. */
export function openDatabase(
  file: string,
  schema: string,
  store: StoreDescription,
): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check failed (${String(check)})`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(schema);
    return db;
  } catch (err) {
    db?.close();
    throw new Error(
      `${store.name} ${file} cannot be opened: ${(err as Error).message}. ` +
        'It is damaged or not a database, and it was left as it is. Restore it from a backup, or move it away ' +
        `to start with an empty store (${store.holds} are then lost), or set LOCAL_DATA_DIR ` +
        'to another folder.',
      { cause: err },
    );
  }
}
