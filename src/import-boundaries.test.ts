/**
 * The import boundaries in eslint.config.js fire: each snippet is linted with the project's own
 * config as if it were a file at that path.
 */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const restricted = async (filePath: string, source: string) => {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId?.endsWith('no-restricted-imports'))
    .map((m) => m.message);
};

describe('import boundaries', () => {
  // Loading the config and the TypeScript parser takes seconds on a busy machine: once, in the hook.
  beforeAll(() => restricted('src/shared/probe.ts', ''));

  it.each([
    ['src/shared/probe.ts', "import x from 'react';", /src\/shared imports only zod/],
    ['src/shared/probe.ts', "import x from '../server/main';", /src\/shared imports only zod/],
    ['src/shared/probe.ts', "import x from 'amazon-chime-sdk-js';", /src\/shared imports only zod/],
    [
      'src/widget/probe.ts',
      "import x from '../server/main';",
      /never imports src\/server or src\/cli/,
    ],
    [
      'src/widget/screens/probe.tsx',
      "import type x from '../../cli/run-cli';",
      /never imports src\/server or src\/cli/,
    ],
    [
      'src/agent-desk/probe.tsx',
      "import x from 'amazon-chime-sdk-js';",
      /Only src\/call-engine imports/,
    ],
    [
      'src/embed/probe.ts',
      "import x from 'amazon-chime-sdk-js/build/index';",
      /Only src\/call-engine imports/,
    ],
    [
      'src/call-engine/probe.ts',
      "import x from '../server/media/media-server';",
      /never imports src\/server or src\/cli/,
    ],
    [
      'src/server/probe.ts',
      "import x from 'amazon-chime-sdk-js';",
      /Only src\/call-engine imports/,
    ],
    [
      'src/server/media/probe.ts',
      "import x from 'amazon-chime-sdk-js';",
      /only import the SDK signaling protocol/,
    ],
    [
      'src/server/media/probe.ts',
      "import x from './testing/fake-media-service';",
      /never imports a test kit/,
    ],
    [
      'src/widget/screens/probe.tsx',
      "import x from '../../call-engine/testing/fake-call-engine';",
      /never imports a test kit/,
    ],
  ])('%s: %s is refused', async (file, source, message) => {
    const found = await restricted(file, source);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it.each([
    ['src/shared/probe.ts', "import x from 'zod';"],
    ['src/shared/probe.ts', "import { z } from 'zod/mini';"],
    ['src/shared/probe.ts', "import x from './call-api';"],
    ['src/widget/probe.ts', "import x from '../shared/call-api';"],
    ['src/call-engine/probe.ts', "import x from 'amazon-chime-sdk-js';"],
    [
      'src/server/media/probe.ts',
      "import x from 'amazon-chime-sdk-js/build/signalingprotocol/SignalingProtocol';",
    ],
    ['src/server/probe.ts', "import x from '../shared/call-api';"],
    ['src/server/media/probe.test.ts', "import x from './testing/fake-media-service';"],
    [
      'src/server/local/contacts/testing/probe.ts',
      "import x from '../../../media/testing/fake-media-service';",
    ],
  ])('%s: %s is allowed', async (file, source) => {
    expect(await restricted(file, source)).toEqual([]);
  });
});
