/**
 * The production site (vite.config.ts, served by `npm start`) builds only product pages: test pages
 * such as the e2e harness are built on their own (e2e/testing/harness-build.ts) and must never come
 * back into dist/site.
 */
import { relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UserConfig } from 'vite';
import siteConfig from '../vite.config';

const root = resolve(import.meta.dirname, '..');

describe('site build inputs', () => {
  it('are the product pages only, none under e2e/ or a testing/ folder', () => {
    const input = (siteConfig as UserConfig).build?.rollupOptions?.input as Record<string, string>;
    const pages = Object.values(input)
      .map((file) => relative(root, file))
      .sort();
    expect(pages).toEqual([
      'site/agent/index.html',
      'site/index.html',
      'site/join/index.html',
      'site/size-guide/index.html',
      'site/snippet/index.html',
    ]);
    expect(pages.filter((p) => p.startsWith('e2e/') || p.includes('testing/'))).toEqual([]);
  });
});
