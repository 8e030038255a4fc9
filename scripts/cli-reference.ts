// Writes docs/guides/cli.md from the CLI's command table (run: npm run docs:cli). test/cli/reference.test.ts
// fails when the file and the table disagree.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GROUPS } from '../src/cli/commands/index.js';
import { renderReference } from '../src/cli/reference.js';

const file = resolve(import.meta.dirname, '../docs/guides/cli.md');
writeFileSync(file, renderReference(GROUPS));
console.log(`wrote ${file}`);
