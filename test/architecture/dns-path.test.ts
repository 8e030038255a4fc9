import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/** Module specifiers a file loads at run time: `import type` / `export type` lines are left out. */
function runtimeImports(file: string): string[] {
  const code = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  for (const match of code.matchAll(/(?:^|[\s;])(import|export)(\s+type)?\s[^'"]*?from\s*['"]([^'"]+)['"]/gm)) {
    if (!match[2]) found.push(match[3]!);
  }
  return found;
}

/** Every source file and package reached at run time from `entries` (paths relative to src/). */
function reach(entries: string[]): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of runtimeImports(resolve(root, file))) {
      if (spec.startsWith('.'))
        visit(relative(root, resolve(dirname(resolve(root, file)), spec.replace(/\.js$/, '.ts'))));
      else packages.add(spec);
    }
  };
  entries.forEach(visit);
  return { files: [...files].sort(), packages: [...packages].sort() };
}

describe('what the DNS-only Hostinger client loads', () => {
  // createHostingerDns = the DNS group (dns.ts) on the Hostinger client (client.ts).
  const { files, packages } = reach(['hostinger/dns.ts', 'hostinger/client.ts']);

  it('follows the imports of the DNS group and its client', () => {
    expect(files).toContain('hostinger/zone-wire.ts');
    expect(files).toContain('kit/client.ts');
    expect(packages).toContain('ky');
  });

  it('loads no schema library: its answers are checked by hand-written schemas', () => {
    expect(packages.filter((p) => p === 'zod' || p.startsWith('zod/'))).toEqual([]);
    expect(files).not.toContain('kit/wire.ts');
  });
});
