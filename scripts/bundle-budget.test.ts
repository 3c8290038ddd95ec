import { describe, expect, it } from 'vitest';
import { budgetViolations, groupReport } from './bundle-budget.mjs';

const KB = 1024;
type Chunk = {
  file: string;
  gzip: number;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
  chime?: boolean;
  react?: boolean;
  messagingClient?: boolean;
  effects?: boolean;
};
const report = (chunks: Chunk[]) => ({
  chunks: chunks.map((c) => ({
    name: c.file,
    bytes: c.gzip * 3,
    imports: [],
    dynamicImports: [],
    isEntry: false,
    chime: false,
    react: false,
    messagingClient: false,
    effects: false,
    ...c,
  })),
});
// The widget's shape: entry + strings (static), call UI (dynamic) importing React and the Chime
// chunk (dynamic).
const widget = (
  sizes: { launcher: number; ui: number; react: number; chime: number },
  flags: Partial<Chunk> = {},
) =>
  report([
    {
      file: 'entry.js',
      gzip: sizes.launcher * KB,
      isEntry: true,
      imports: ['strings.js'],
      dynamicImports: ['ui.js'],
      ...flags,
    },
    { file: 'strings.js', gzip: 0 },
    {
      file: 'ui.js',
      gzip: sizes.ui * KB,
      imports: ['react.js', 'shared.js'],
      dynamicImports: ['chime.js'],
    },
    { file: 'shared.js', gzip: 0 },
    { file: 'react.js', gzip: sizes.react * KB, react: true },
    { file: 'chime.js', gzip: sizes.chime * KB, chime: true, imports: ['shared.js'] },
    { file: 'unreachable.js', gzip: 999 * KB },
  ]);

describe('bundle budget', () => {
  it('groups chunks by what they hold and sums only what the launcher reaches', () => {
    const g = groupReport(widget({ launcher: 5, ui: 30, react: 66, chime: 225 }));
    expect(g.groups.launcher.map((c) => c.file)).toEqual(['entry.js', 'strings.js']);
    expect(g.groups.callUi.map((c) => c.file).sort()).toEqual(['shared.js', 'ui.js']);
    expect(g.sizes).toEqual({
      launcher: 5 * KB,
      callUi: 30 * KB,
      react: 66 * KB,
      chime: 225 * KB,
      total: 326 * KB,
    });
    expect(budgetViolations(g)).toEqual([]);
  });

  it('reports each budget that is exceeded', () => {
    const v = budgetViolations(
      groupReport(widget({ launcher: 16, ui: 41, react: 66, chime: 225 })),
    );
    expect(v).toEqual([
      'launcher is 16.0 KB gzip, over its budget of 15 KB',
      'callUi is 41.0 KB gzip, over its budget of 40 KB',
      'total is 348.0 KB gzip, over its budget of 330 KB',
    ]);
  });

  it('fails when the launcher holds Chime SDK code or the messaging client is bundled', () => {
    expect(
      budgetViolations(
        groupReport(widget({ launcher: 5, ui: 30, react: 60, chime: 200 }, { chime: true })),
      ),
    ).toEqual(['the launcher entry (or a chunk it imports statically) holds Chime SDK code']);
    const withClient = widget({ launcher: 5, ui: 30, react: 60, chime: 200 });
    withClient.chunks.find((c) => c.file === 'chime.js')!.messagingClient = true;
    expect(budgetViolations(groupReport(withClient))).toEqual([
      'the Chime SDK messaging client is bundled (chime.js)',
    ]);
  });

  it('leaves the media-effect runtimes out of the pre-join total and lists them with the copied files', () => {
    const r = report([
      { file: 'entry.js', gzip: 5 * KB, isEntry: true, dynamicImports: ['engine.js'] },
      { file: 'engine.js', gzip: 100 * KB, chime: true, dynamicImports: ['fx.js'] },
      { file: 'fx.js', gzip: 500 * KB, effects: true, imports: ['fx-dep.js'] },
      { file: 'fx-dep.js', gzip: 50 * KB },
    ]);
    const g = groupReport({ ...r, assets: [{ file: 'media/model.tflite', bytes: 9, gzip: 8 }] });
    expect(g.sizes.total).toBe(105 * KB);
    expect(g.effects.chunks.map((c) => c.file).sort()).toEqual(['fx-dep.js', 'fx.js']);
    expect(g.effects.assets.map((a) => a.file)).toEqual(['media/model.tflite']);
    expect(budgetViolations(g)).toEqual([]);
  });
});
