import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findImportCycles } from './import-cycles.mjs';

describe('the import-cycle check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cvc-cycles-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds a cycle, type-only imports included', async () => {
    writeFileSync(join(dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
    writeFileSync(join(dir, 'b.ts'), "import type { C } from './c';\nexport const b: C = 1;\n");
    writeFileSync(join(dir, 'c.ts'), "import { a } from './a';\nexport type C = number;\na;\n");
    writeFileSync(join(dir, 'd.tsx'), "import { a } from './a';\nexport const d = a;\n");
    const cycles = await findImportCycles(dir);
    expect(cycles).toHaveLength(1);
    expect([...cycles[0]!].sort()).toEqual(['a.ts', 'b.ts', 'c.ts']);
  });
});
