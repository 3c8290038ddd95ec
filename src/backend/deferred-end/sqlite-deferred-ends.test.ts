/**
 * The SQLite deferred ends: survive closing and reopening the file (a restart), and two stores on
 * the same file (two server processes) never both take the same end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteDeferredEnds } from './sqlite-deferred-ends';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const end = (contactId: string, dueAt: number) => ({
  contactId,
  instanceId: 'i',
  connectionToken: `ct-${contactId}`,
  dueAt,
});

describe('sqliteDeferredEnds', () => {
  it('keeps scheduled ends across a restart; cancel and replace work', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cvc-ends-'));
    dirs.push(dir);
    const file = join(dir, 'sub', 'deferred-ends.db');
    const first = sqliteDeferredEnds(file);
    await first.put(end('a', 1000));
    await first.put(end('b', 2000));
    await first.put(end('c', 3000));
    await first.put(end('b', 5000)); // away again: the later end replaces the earlier
    expect(await first.cancel('c')).toBe(true);
    expect(await first.cancel('c')).toBe(false);
    first.close();
    const again = sqliteDeferredEnds(file);
    expect(await again.takeDue(999)).toEqual([]);
    expect(await again.takeDue(4000)).toEqual([end('a', 1000)]);
    expect(await again.takeDue(9000)).toEqual([end('b', 5000)]);
    expect(await again.takeDue(9000)).toEqual([]);
    again.close();
  });

  it('two processes on one file take each end once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cvc-ends-'));
    dirs.push(dir);
    const file = join(dir, 'deferred-ends.db');
    const a = sqliteDeferredEnds(file);
    const b = sqliteDeferredEnds(file);
    for (let i = 0; i < 50; i++) await (i % 2 ? a : b).put(end(`c${i}`, i));
    const [x, y] = await Promise.all([a.takeDue(100), b.takeDue(100)]);
    const ids = [...x, ...y].map((e) => e.contactId).sort();
    expect(ids).toHaveLength(50);
    expect(new Set(ids).size).toBe(50);
    a.close();
    b.close();
  });
});
