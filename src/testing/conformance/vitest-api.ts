import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Vitest from 'vitest';

/** The part of vitest's API that `testProvider` uses. */
export type VitestApi = Pick<typeof Vitest, 'describe' | 'it'>;

interface VitestManifest {
  exports?: { '.'?: { import?: string | { default?: string } } };
}

function fromInstall(base: string): VitestApi {
  const require = createRequire(base);
  const manifestPath = require.resolve('vitest/package.json');
  const entry = (require(manifestPath) as VitestManifest).exports?.['.']?.import;
  const file = (typeof entry === 'string' ? entry : entry?.default) ?? './dist/index.js';
  // vitest's ESM entry, loaded through require(esm) (Node >= 20.19): Node's module cache hands back the
  // very instance the running test file imported, so `describe` registers in the current collection.
  return require(join(dirname(manifestPath), file)) as VitestApi;
}

/**
 * Finds vitest's `describe` and `it` when `testProvider` is called. A static `import 'vitest'` would
 * make `require('setec-hosting/testing')` throw for every user of the CJS build (vitest refuses
 * `require()`), even for `createMemoryProvider`; so vitest is looked up only here: its globals when
 * enabled, else the installed vitest next to the running test process.
 *
 * @throws {Error} when vitest cannot be found (testProvider only runs inside vitest).
 */
export function loadVitest(): VitestApi {
  const globals = globalThis as Partial<VitestApi>;
  if (typeof globals.describe === 'function' && typeof globals.it === 'function') return globals as VitestApi;
  const bases = [process.argv[1], join(process.cwd(), 'package.json')].filter((b): b is string => Boolean(b));
  let cause: unknown;
  for (const base of bases) {
    try {
      return fromInstall(base);
    } catch (error) {
      cause = error;
    }
  }
  throw new Error(
    'testProvider() declares vitest tests: call it from a vitest test file (vitest installed, Node >= 20.19), or enable vitest `globals: true`',
    { cause },
  );
}
