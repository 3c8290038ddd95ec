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
  // Loading the config and the TypeScript parser takes seconds on a busy machine: once, in the
  // hook.
  beforeAll(() => restricted('src/shared/probe.ts', ''));

  it.each([
    ['src/shared/probe.ts', "import x from 'react';", /src\/shared imports only zod/],
    ['src/shared/probe.ts', "import x from '../backend/main';", /src\/shared imports only zod/],
    ['src/shared/probe.ts', "import x from 'amazon-chime-sdk-js';", /src\/shared imports only zod/],
    ['src/widget/probe.ts', "import x from '../backend/main';", /never imports the server folders/],
    [
      'src/widget/screens/probe.tsx',
      "import type x from '../../cli/run-cli';",
      /never imports the server folders/,
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
      "import x from '../media-server/media-server';",
      /never imports the server folders/,
    ],
    [
      'src/backend/probe.ts',
      "import x from 'amazon-chime-sdk-js';",
      /Only src\/call-engine imports/,
    ],
    [
      'src/media-server/probe.ts',
      "import x from 'amazon-chime-sdk-js';",
      /only import the SDK signaling protocol/,
    ],
    [
      'src/media-server/probe.ts',
      "import x from './testing/fake-media-service';",
      /never imports a test kit/,
    ],
    [
      'src/widget/screens/probe.tsx',
      "import x from '../../call-engine/testing/fake-call-engine';",
      /never imports a test kit/,
    ],
    [
      'src/backend/routes/probe.ts',
      "import x from '../../contact-center/contacts/contact-record';",
      /backend never imports src\/contact-center or src\/media-server/,
    ],
    [
      'src/backend/probe.ts',
      "import type x from '../media-server/media-service';",
      /backend never imports src\/contact-center or src\/media-server/,
    ],
    [
      'src/media-server/probe.ts',
      "import x from '../backend/logging';",
      /media server never imports src\/backend or src\/contact-center/,
    ],
    [
      'src/media-server/probe.ts',
      "import x from '../contact-center/local-provider';",
      /media server never imports src\/backend or src\/contact-center/,
    ],
    [
      'src/server-common/probe.ts',
      "import x from '../media-server/media-service';",
      /server-common never imports/,
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
      'src/media-server/probe.ts',
      "import x from 'amazon-chime-sdk-js/build/signalingprotocol/SignalingProtocol';",
    ],
    ['src/backend/probe.ts', "import x from '../shared/call-api';"],
    ['src/media-server/probe.test.ts', "import x from './testing/fake-media-service';"],
    [
      'src/contact-center/contacts/testing/probe.ts',
      "import x from '../../../media-server/testing/fake-media-service';",
    ],
    ['src/media-server/probe.ts', "import x from '../server-common/socket-guard';"],
    ['src/backend/probe.ts', "import x from '../server-common/open-database';"],
    ['src/contact-center/probe.ts', "import x from '../backend/logging';"],
    ['src/contact-center/probe.ts', "import x from '../media-server/media-service';"],
    ['src/backend/testing/probe.ts', "import x from '../../media-server/signaling-frames';"],
  ])('%s: %s is allowed', async (file, source) => {
    expect(await restricted(file, source)).toEqual([]);
  });
});

describe('the backend loads the local contact center by one dynamic import', () => {
  const syntax = async (filePath: string, source: string) => {
    const [result] = await eslint.lintText(source, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax');
  };

  it('refuses a dynamic import of another module of the contact center or the media server', async () => {
    for (const spec of ['../contact-center/emulated-aws', '../media-server/create-media-server']) {
      const found = await syntax('src/backend/probe.ts', `export const m = import('${spec}');\n`);
      expect(found.map((m) => m.message)).toEqual([
        expect.stringMatching(/only through \.\.\/contact-center\/local-provider/),
      ]);
    }
  });

  it('allows the local provider', async () => {
    expect(
      await syntax(
        'src/backend/probe.ts',
        "export const m = import('../contact-center/local-provider');\n",
      ),
    ).toEqual([]);
  });
});
