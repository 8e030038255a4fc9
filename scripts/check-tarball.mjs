// Proves that what `npm publish` would ship holds its build: exports HEAD to a clean folder (git archive,
// so nothing built or untracked here leaks in), runs `npm ci` and `npm pack` there (`prepack` builds),
// then looks inside the tarball for every file package.json names in `exports`, `main`, `module`,
// `types` and `bin`. Exits 1 when one is missing.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'setec-tarball-'));
const run = (cmd, args, cwd = work) =>
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 << 20 });

/** Every file path a package.json field names (`./dist/index.js` → `dist/index.js`). */
function namedFiles(pkg) {
  const out = new Set();
  const walk = (value) => {
    if (typeof value === 'string') out.add(value.replace(/^\.\//, ''));
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const field of ['exports', 'main', 'module', 'types', 'bin']) walk(pkg[field]);
  return [...out].filter((p) => !p.includes('*')).sort();
}

try {
  execFileSync('sh', ['-c', `git archive --format=tar HEAD | tar -x -C '${work}'`], { cwd: root, stdio: 'inherit' });
  run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline']);
  mkdirSync(join(work, '.packed'));
  // prepack's build log shares stdout with npm's own output, so the tarball is found in the folder instead.
  run('npm', ['pack', '--pack-destination', join(work, '.packed')]);
  const filename = join(
    '.packed',
    readdirSync(join(work, '.packed')).find((f) => f.endsWith('.tgz')),
  );
  const entries = new Set(
    run('tar', ['-tzf', join(work, filename)])
      .split('\n')
      .map((line) => line.replace(/^package\//, '')),
  );
  const wanted = namedFiles(JSON.parse(readFileSync(join(work, 'package.json'), 'utf8')));
  const missing = wanted.filter((file) => !entries.has(file));
  console.log(`${filename} from a clean export of HEAD: ${entries.size} entries, ${wanted.length} named files checked`);
  if (missing.length > 0) {
    console.error(`Missing from the tarball (is the build run on prepack?):\n  ${missing.join('\n  ')}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
