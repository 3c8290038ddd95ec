import { describe, expect, it } from 'vitest';
import { assertNoTestKits, testOnlyPaths } from './test-kits.mjs';

describe('the published-package check for test kits', () => {
  const root = '/repo';
  it('finds modules of testing/ folders and test files, relative to the root', () => {
    expect(
      testOnlyPaths(
        [
          '/repo/src/backend/index.ts',
          '/repo/src/backend/testing/start-local-stack.ts',
          '/repo/src/media-server/testing/fake-media-service.ts',
          '/repo/src/backend/routes/api-calls.test.ts',
          'types/contact-center/contacts/testing/memory-contacts.d.ts',
          'C:\\repo\\src\\cli\\testing\\cli-test-kit.ts',
        ],
        root,
      ),
    ).toEqual([
      'src/backend/testing/start-local-stack.ts',
      'src/media-server/testing/fake-media-service.ts',
      'src/backend/routes/api-calls.test.ts',
      'types/contact-center/contacts/testing/memory-contacts.d.ts',
      'C:/repo/src/cli/testing/cli-test-kit.ts',
    ]);
  });

  it('lets production modules through, including names that only contain "testing"', () => {
    expect(
      testOnlyPaths(
        [
          '/repo/src/backend/routes/api-routes.ts',
          '/repo/src/backend/load-testing.ts',
          'index.js',
          'types/backend/testing-notes.d.ts',
        ],
        root,
      ),
    ).toEqual([]);
  });

  it('throws naming what it found', () => {
    expect(() =>
      assertNoTestKits('the server bundle', ['/repo/src/backend/testing/raw-http.ts'], root),
    ).toThrow(
      /the server bundle contains test-only modules[\s\S]*src\/backend\/testing\/raw-http\.ts/,
    );
    expect(() =>
      assertNoTestKits('the server bundle', ['/repo/src/backend/index.ts'], root),
    ).not.toThrow();
  });
});
