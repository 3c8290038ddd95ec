/** The build folder, relative to the repository root (CVC_BUILD_DIR, or `dist`). */
export declare const buildDir: string;
/** A path inside the build folder, absolute. */
export declare function inBuild(...parts: string[]): string;
