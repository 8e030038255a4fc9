// Keeps package.json `typesVersions` in step with `exports`. TypeScript's `node10` resolution (ts-node's
// default, and `moduleResolution: "node"`) ignores `exports`; `typesVersions` is where it finds the types of
// `setec-hosting/hostinger` and every other subpath. Each subpath maps to its CommonJS types, as `types` does.
//   node scripts/types-versions.mjs          exits 1 (naming the difference) when package.json is out of date
//   node scripts/types-versions.mjs --write  rewrites the field
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const file = resolve(import.meta.dirname, '../package.json');

/** The `typesVersions` field `exports` calls for. */
export function typesVersionsFor(exportsField) {
  const paths = {};
  for (const [subpath, target] of Object.entries(exportsField)) {
    if (subpath === '.' || typeof target === 'string') continue;
    const types = target.require?.types ?? target.import?.types ?? target.types;
    if (typeof types === 'string') paths[subpath.replace(/^\.\//, '')] = [types];
  }
  return { '*': paths };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = readFileSync(file, 'utf8');
  const pkg = JSON.parse(text);
  const wanted = typesVersionsFor(pkg.exports);
  if (process.argv.includes('--write')) {
    pkg.typesVersions = wanted;
    writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
    console.log(`typesVersions: ${Object.keys(wanted['*']).length} subpaths written`);
  } else if (JSON.stringify(pkg.typesVersions) !== JSON.stringify(wanted)) {
    console.error('package.json typesVersions does not match exports: run "node scripts/types-versions.mjs --write"');
    process.exitCode = 1;
  } else {
    console.log(`typesVersions matches exports (${Object.keys(wanted['*']).length} subpaths)`);
  }
}
