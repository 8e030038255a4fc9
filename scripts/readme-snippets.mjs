// Writes every ```ts block of README.md to .tmp/readme-snippets/<n>.mts so `npm run typecheck` compiles
// them against the sources (tsconfig paths map `setec-hosting/*` to src/). A block right after
// `<!-- continues -->` is appended to the previous one; `<!-- no-typecheck -->` skips a block.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, '.tmp/readme-snippets');
const lines = readFileSync(resolve(root, 'README.md'), 'utf8').split('\n');
const files = [];
for (let i = 0; i < lines.length; i++) {
  if (lines[i].trim() !== '```ts') continue;
  const end = lines.indexOf('```', i + 1);
  const body = lines.slice(i + 1, end).join('\n');
  const marker = lines.slice(Math.max(0, i - 3), i).join('\n');
  if (marker.includes('<!-- no-typecheck -->')) {
    i = end;
    continue;
  }
  if (marker.includes('<!-- continues -->') && files.length > 0) files[files.length - 1].body += `\n${body}`;
  else files.push({ line: i + 1, body });
  i = end;
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const [n, { line, body }] of files.entries()) {
  writeFileSync(resolve(out, `snippet-${n + 1}.mts`), `// README.md line ${line}\n${body}\nexport {};\n`);
}
console.log(`README: ${files.length} TypeScript snippets written to .tmp/readme-snippets`);
