import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GROUPS } from '../../src/cli/commands/index.js';
import { renderReference } from '../../src/cli/reference.js';

describe('cli: docs/guides/cli.md', () => {
  const page = readFileSync(resolve(import.meta.dirname, '../../docs/guides/cli.md'), 'utf8');

  it('is exactly what the command table renders (run "npm run docs:cli" after changing a command)', () => {
    expect(page).toBe(renderReference(GROUPS));
  });

  it('has a section, a usage line and an example for every command', () => {
    for (const group of GROUPS)
      for (const command of group.commands) {
        expect(page).toContain(`### ${group.name} ${command.name}\n`);
        expect(page).toContain(`\n${command.example}\n`);
      }
  });
});
