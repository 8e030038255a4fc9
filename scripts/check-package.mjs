// Packs the package as npm would publish it and lints the tarball: publint (package.json and files)
// and @arethetypeswrong/cli (types resolve for node10 through `typesVersions`, node16 ESM/CJS and bundlers).
// Exits 1 on any problem, and when `typesVersions` no longer matches `exports`.
// It packs the dist/ that `npm test` just built (--ignore-scripts skips a second build on prepack).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'setec-pack-'));
const run = (cmd, args) =>
  execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
execFileSync(process.execPath, [join(root, 'scripts/types-versions.mjs')], { stdio: 'inherit' });
try {
  const [{ filename, size, unpackedSize, entryCount }] = JSON.parse(
    run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', out]),
  );
  const tarball = join(out, filename);
  console.log(`packed ${filename}: ${entryCount} files, ${size} B packed, ${unpackedSize} B unpacked`);
  console.log(run('npx', ['publint', '--strict', tarball]));
  console.log(run('npx', ['attw', tarball, '--format', 'table-flipped']));
} finally {
  rmSync(out, { recursive: true, force: true });
}
