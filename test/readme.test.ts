import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readmeWithTable } from '../scripts/features.js';

describe('README', () => {
  it('the feature table is the one the code generates (run `npx tsx scripts/features.ts --write`)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toBe(readmeWithTable(readme));
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
