/**
 * Issue 9 defect 7: a store file that cannot be opened stops the start with a message naming the
 * file and saying what to do, and the file is left exactly as it was (nothing is recreated over
 * data).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContactStore } from './contact-store';

const fresh = () => mkdtempSync(join(tmpdir(), 'cvc-store-open-'));

describe('opening the store', () => {
  it('refuses a file that is not a database, naming it and what to do, and leaves it untouched', () => {
    const dir = fresh();
    const file = join(dir, 'contact-center.sqlite');
    writeFileSync(file, "this is not a database, but it might be someone's data ".repeat(200));
    const before = readFileSync(file);
    expect(() => new ContactStore(dir)).toThrow(
      new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}[^]*(move|restore)`, 'i'),
    );
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a truncated database the same way', () => {
    const dir = fresh();
    const store = new ContactStore(dir);
    for (let i = 0; i < 200; i++)
      store.rememberIdempotent(
        'inst',
        'Op',
        `client-token-${i}`,
        { padding: 'x'.repeat(500) },
        Date.now(),
      );
    store.close();
    const file = join(dir, 'contact-center.sqlite');
    truncateSync(file, Math.floor(statSync(file).size / 2));
    const before = readFileSync(file);
    expect(() => new ContactStore(dir)).toThrow(
      /contact-center\.sqlite[^]*(damaged|not a database|malformed)[^]*LOCAL_DATA_DIR/i,
    );
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
