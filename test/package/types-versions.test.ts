/**
 * TypeScript's `node10` resolution (ts-node's default) ignores `exports` and finds subpath types only through
 * `typesVersions`: every subpath in `exports` must be there, pointing at the same types file.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { typesVersionsFor } from '../../scripts/types-versions.mjs';

const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
  exports: Record<string, string | { require?: { types?: string } }>;
  typesVersions?: { '*': Record<string, string[]> };
};

describe('package.json typesVersions', () => {
  it('matches exports (run "node scripts/types-versions.mjs --write" after adding an entry point)', () => {
    expect(pkg.typesVersions).toEqual(typesVersionsFor(pkg.exports));
  });

  it('names every subpath of exports but "." and package.json, with its CommonJS types', () => {
    const subpaths = Object.keys(pkg.exports).filter((s) => s !== '.' && s !== './package.json');
    expect(subpaths.length).toBeGreaterThan(5);
    for (const subpath of subpaths) {
      const target = pkg.exports[subpath] as { require: { types: string } };
      expect(pkg.typesVersions?.['*'][subpath.slice(2)]).toEqual([target.require.types]);
    }
  });
});
