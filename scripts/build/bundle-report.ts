/**
 * Vite plugin: writes `<outDir>/.vite/<file>` describing every JavaScript chunk of the build as
 * written (minified): its gzip size, its static and dynamic imports, and whether it holds Chime
 * SDK, React or Chime SDK messaging-client modules. scripts/bundle-budget.mjs groups the chunks
 * from it (launcher, call UI, React, Chime SDK) and checks the budgets; bench/widget-bench.ts
 * prints them. Classifying by the modules a chunk holds, not by its file name, keeps the check
 * right when the widget's chunks are renamed or split differently.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** One chunk of the report. */
export interface ReportedChunk {
  file: string;
  name: string;
  isEntry: boolean;
  bytes: number;
  gzip: number;
  imports: string[];
  dynamicImports: string[];
  chime: boolean;
  react: boolean;
  messagingClient: boolean;
  /**
   * Loaded only when the customer asks for it, never before a call is joined: a media-effect
   * runtime (noise suppression, segmentation) or the picture-in-picture window (src/widget/pip, on
   * Pop out).
   */
  effects: boolean;
}

/** A copied media-effect file (scripts/build/media-assets.ts): worklet, wasm, model. */
export interface ReportedAsset {
  file: string;
  bytes: number;
  gzip: number;
}

const has = (ids: string[], re: RegExp) => ids.some((id) => re.test(id.replaceAll('\\', '/')));

/** The plugin; `file` is the report's name under `.vite/` (one per build into the same outDir). */
export function bundleReport(file: string): Plugin {
  let outDir = 'dist';
  return {
    name: 'connect-video-call:bundle-report',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    writeBundle(_options, bundle) {
      const chunks: ReportedChunk[] = [];
      const assets: ReportedAsset[] = [];
      for (const out of Object.values(bundle)) {
        if (out.type === 'asset' && out.fileName.startsWith('media/')) {
          const source = typeof out.source === 'string' ? Buffer.from(out.source) : out.source;
          assets.push({
            file: out.fileName,
            bytes: source.length,
            gzip: gzipSync(source, { level: 9 }).length,
          });
        }
        if (out.type !== 'chunk') continue;
        chunks.push({
          file: out.fileName,
          name: out.name,
          isEntry: out.isEntry,
          bytes: Buffer.byteLength(out.code),
          gzip: gzipSync(out.code, { level: 9 }).length,
          imports: out.imports,
          dynamicImports: out.dynamicImports,
          chime: has(out.moduleIds, /\/node_modules\/amazon-chime-sdk-js\//),
          // The UI runtime: React, or Preact (its React-compatible build) in the script-tag widget.
          react: has(out.moduleIds, /\/node_modules\/(react|react-dom|scheduler|preact)\//),
          messagingClient: has(out.moduleIds, /client-chime-sdk-messaging\//),
          effects: has(
            out.moduleIds,
            /\/node_modules\/(@sapphi-red|@mediapipe)\/|\/src\/call-engine\/effects\/(background-compositor|selfie-segmenter|load-compositor|preview-background)\.|\/src\/widget\/pip\/popped-out-call\./,
          ),
        });
      }
      mkdirSync(join(outDir, '.vite'), { recursive: true });
      writeFileSync(
        join(outDir, '.vite', file),
        `${JSON.stringify({ chunks, assets }, null, 2)}\n`,
      );
    },
  };
}
