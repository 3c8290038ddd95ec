// Types of test-kits.mjs (used from TypeScript by its test).
/** The paths (relative to `root`, with `/`) among `paths` that are test kits, fakes or tests. */
export function testOnlyPaths(paths: string[], root?: string): string[];
/** Throws, naming them, if `paths` include a test kit; `what` says where they were found. */
export function assertNoTestKits(what: string, paths: string[], root?: string): void;
