import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readmeWithTable } from '../scripts/features.js';

describe('README', () => {
  it('the feature table is the one the code generates (run `npx tsx scripts/features.ts --write`)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toBe(readmeWithTable(readme));
  });

  it('lists every entry of package.json "exports" in its import table, with what each side-effect entry does', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      exports: Record<string, unknown>;
    };
    const rows = new Map(
      [...readme.matchAll(/^\| `(setec-hosting[^`]*)` \|[^|]+\| ([^|]+) \|$/gm)].map((m) => [m[1]!, m[2]!.trim()]),
    );
    const entries = Object.keys(pkg.exports)
      .filter((key) => key !== './package.json')
      .map((key) => (key === '.' ? 'setec-hosting' : `setec-hosting/${key.slice(2)}`));
    expect(entries.length).toBeGreaterThan(10);
    expect(entries.filter((entry) => !rows.has(entry))).toEqual([]);
    for (const entry of entries)
      expect(rows.get(entry), entry).toMatch(entry.endsWith('/register') ? /^yes/ : /^none$/);
  });

  it('shows the two set-up commands on its first screen', () => {
    const firstScreen = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
      .split('\n')
      .slice(0, 15)
      .join('\n');
    expect(firstScreen).toContain('npm install && npm run demo');
    expect(firstScreen).toContain('npm test');
  });
});

describe('docs/guides/writing-a-provider.md', () => {
  it('shows the example plugin exactly as examples/http-dns-plugin.ts has it', () => {
    const guide = readFileSync(new URL('../docs/guides/writing-a-provider.md', import.meta.url), 'utf8');
    const example = readFileSync(new URL('../examples/http-dns-plugin.ts', import.meta.url), 'utf8');
    expect(guide).toContain(example);
  });
});
