// Test kits and fakes live in `testing/` folders (and tests in *.test.ts files); none may be
// published. pack.mjs runs these checks on the server bundle's modules and on both tarballs' file
// lists, so a production import of a test kit (or a declaration reaching one) stops the pack with
// the path named.

const TEST_ONLY = /(^|[\\/])testing[\\/]|\.test\.[cm]?[jt]sx?$|\.test\.d\.ts$/;

/** The paths (relative to `root`, with `/`) among `paths` that are test kits, fakes or tests. */
export function testOnlyPaths(paths, root = '') {
  const prefix = root.replace(/[\\/]*$/, '/');
  return paths
    .map((p) => p.replaceAll('\\', '/'))
    .map((p) => (root && p.startsWith(prefix) ? p.slice(prefix.length) : p))
    .filter((p) => TEST_ONLY.test(p));
}

/** Throws, naming them, if `paths` include a test kit; `what` says where they were found. */
export function assertNoTestKits(what, paths, root = '') {
  const found = testOnlyPaths(paths, root);
  if (found.length > 0)
    throw new Error(
      `${what} contains test-only modules (testing/ folders, *.test files), which are never published:\n  ${found.join('\n  ')}`,
    );
}
