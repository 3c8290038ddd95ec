// Where a build goes and is served from: `dist` (what `npm start` builds and serves, and what is
// published), or CVC_BUILD_DIR. `npm test` sets CVC_BUILD_DIR to a folder of its own, so a test run
// never rebuilds the `dist/` a running `npm start` serves, and `npm start` never rebuilds the
// build a test server is serving.
import { resolve } from 'node:path';

/** The build folder, relative to the repository root. */
export const buildDir = process.env.CVC_BUILD_DIR || 'dist';

/** A path inside the build folder, absolute. */
export const inBuild = (...parts) => resolve(buildDir, ...parts);
