// Types of test-kits.mjs (used from TypeScript by its test).
export function testOnlyPaths(paths: string[], root?: string): string[];
export function assertNoTestKits(what: string, paths: string[], root?: string): void;
