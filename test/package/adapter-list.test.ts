import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../scripts/adapters.js';
import tsup from '../../tsup.config.js';

// Adding an adapter is its folder plus one line in scripts/adapters.ts; every list below must follow it.
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json')) as { exports: Record<string, unknown>; sideEffects: string[] };
const names = ADAPTERS.map((a) => a.name);

describe('the adapter list', () => {
  it('gives each adapter an entry and a register entry in the exports map', () => {
    for (const name of names) {
      expect(Object.keys(pkg.exports), name).toEqual(expect.arrayContaining([`./${name}`, `./${name}/register`]));
    }
  });

  it('declares side effects for exactly the register entries of the listed adapters', () => {
    const expected = names.flatMap((n) => [`./dist/${n}/register.js`, `./dist/${n}/register.cjs`]);
    expect([...pkg.sideEffects].sort()).toEqual(expected.sort());
  });

  it('builds each adapter entry and register entry', () => {
    const configs = (Array.isArray(tsup) ? tsup : [tsup]) as Array<{ entry?: Record<string, string> }>;
    const entries = configs[0]?.entry ?? {};
    for (const name of names) {
      expect(entries[`${name}/index`], name).toBe(`src/${name}/index.ts`);
      expect(entries[`${name}/register`], name).toBe(`src/${name}/register.ts`);
    }
  });

  it('measures each adapter against a size budget', () => {
    const size = read('scripts/size.mjs');
    for (const { factory } of ADAPTERS) expect(size, factory).toMatch(new RegExp(`import \\{[^}]*\\b${factory}\\b`));
  });

  it('registers each adapter in the command line', () => {
    const runtime = read('src/cli/runtime.ts');
    const registered = [...runtime.matchAll(/import\('\.\.\/([a-z0-9-]+)\/register\.js'\)/g)].map((m) => m[1]);
    expect(registered.sort()).toEqual([...names].sort());
  });

  it('shows each adapter in the README feature table, documents it and resolves its imports in tests', () => {
    const readme = read('README.md');
    const header = readme.slice(readme.indexOf('<!-- features:start -->')).split('\n')[1] ?? '';
    const typedoc = read('typedoc.json');
    const vitest = read('vitest.config.ts');
    const tsconfig = read('tsconfig.json');
    for (const { name, displayName } of ADAPTERS) {
      expect(header, displayName).toContain(`| ${displayName} |`);
      expect(typedoc, name).toContain(`"src/${name}/index.ts"`);
      expect(vitest, name).toContain(`setec-hosting\\/${name}$/`);
      expect(tsconfig, name).toContain(`"setec-hosting/${name}"`);
    }
  });
});
