/**
 * Test kit: the two LocalContacts implementations the contract test runs over, built the same way:
 * the real contacts (SQLite store in a temporary folder, the real media server) and MemoryContacts.
 * Both read one clock the test moves, so times can be compared exactly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createMediaServer } from '../../../media-server/create-media-server';
import { ContactStore } from '../../store/contact-store';
import type { ContactRecord } from '../contact-record';
import { createLocalContacts } from '../create-local-contacts';
import type { LocalContacts } from '../local-contacts';
import { MemoryContacts, testContactRecord } from '../memory-contacts';

/** One LocalContacts implementation under the contract test, with a way to add a fresh contact. */
export interface ContactsSubject {
  contacts: LocalContacts;
  /** Adds a contact as StartWebRTCContact leaves it (INITIATED), without events. */
  create(): ContactRecord;
  close(): Promise<void>;
}

/** The clock both implementations read; `tick()` moves it one second. */
export const testClock = {
  t: 1_700_000_000_000,
  now: () => testClock.t,
  tick: () => (testClock.t += 1000),
};

function realContacts(): ContactsSubject {
  const dir = mkdtempSync(join(tmpdir(), 'cvc-contract-'));
  const store = new ContactStore(dir);
  const media = createMediaServer({
    publicUrl: 'http://127.0.0.1:9',
    logger: pino({ level: 'silent' }),
  });
  const contacts = createLocalContacts({
    store,
    media,
    logger: pino({ level: 'silent' }),
    now: testClock.now,
  });
  const create = () => {
    const meeting = media.createMeeting();
    const record = testContactRecord(testClock.now(), { meeting });
    record.customer.attendee = media.createAttendee(meeting.MeetingId, 'customer');
    contacts.insert(record);
    return structuredClone(record);
  };
  const close = async () => {
    store.close();
    await media.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { contacts, create, close };
}

function memoryContacts(): ContactsSubject {
  const contacts = new MemoryContacts(testClock.now);
  return { contacts, create: () => contacts.create(), close: async () => {} };
}

/** What the contract runs over, for `describe.each`. */
export const CONTACTS_IMPLEMENTATIONS: Array<{ name: string; make(): ContactsSubject }> = [
  { name: 'the real contacts (SQLite store, media server)', make: realContacts },
  { name: 'MemoryContacts (the fake)', make: memoryContacts },
];
