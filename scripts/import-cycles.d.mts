// Types of import-cycles.mjs (used from its test).
/** Every import cycle among the .ts/.tsx files under `dir`, as the files it passes through. */
export function findImportCycles(dir: string, tsConfig?: string): Promise<string[][]>;
