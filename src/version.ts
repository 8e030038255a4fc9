// Replaced at build time (tsup and vitest `define`) with the `version` of package.json.
declare const __SETEC_HOSTING_VERSION__: string | undefined;

/**
 * The package version, read from package.json when the package is built: sent in
 * `User-Agent: setec-hosting/<version>` and printed by `setec-hosting --version`. Sources run without a
 * build (`tsx src/...`) report `0.0.0-source`.
 */
export const VERSION: string =
  typeof __SETEC_HOSTING_VERSION__ === 'string' ? __SETEC_HOSTING_VERSION__ : '0.0.0-source';
