// Proves that what `npm publish` would ship holds its build and nothing else: exports HEAD to a clean folder
// (git archive, so nothing built or untracked here leaks in), runs `npm ci` and `npm publish --dry-run`
// there (`prepack` builds), prints the tarball's files and size, and exits 1 when
// - a file package.json names in `exports`, `main`, `module`, `types`, `typesVersions` or `bin` is missing,
// - a file is outside what `files` lists (plus package.json, README, CHANGELOG, LICENSE), or is a source map,
//   a test, a TypeScript source outside examples/, an env file or a build cache,
// - npm "auto-corrected" package.json on the way (it would publish something other than what is written).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'setec-tarball-'));

/** Every file path a package.json field names (`./dist/index.js` → `dist/index.js`). */
function namedFiles(pkg) {
  const out = new Set();
  const walk = (value) => {
    if (typeof value === 'string') out.add(value.replace(/^\.\//, ''));
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const field of ['exports', 'main', 'module', 'types', 'typesVersions', 'bin']) walk(pkg[field]);
  return [...out].filter((p) => !p.includes('*') && p !== 'package.json').sort();
}

/** Why `path` should not be in the tarball, or `undefined` when it belongs there. */
function unexpected(path, allowed) {
  if (!allowed.some((entry) => path === entry || path.startsWith(`${entry}/`))) return 'not listed in "files"';
  if (/\.map$/.test(path)) return 'a source map';
  if (/(^|\/)(test|__tests__)\/|\.(test|spec)\.[cm]?[jt]s$/.test(path)) return 'a test';
  if (/(^|\/)\.env|\.tsbuildinfo$|(^|\/)node_modules\//.test(path)) return 'an env file or build cache';
  if (/\.[cm]?ts$/.test(path) && !/\.d\.[cm]?ts$/.test(path) && !path.startsWith('examples/'))
    return 'TypeScript source outside examples/';
  return undefined;
}

try {
  execFileSync('sh', ['-c', `git archive --format=tar HEAD | tar -x -C '${work}'`], { cwd: root, stdio: 'inherit' });
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd: work,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const publish = spawnSync('npm', ['publish', '--dry-run', '--json'], {
    cwd: work,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  // prepack's build log shares stdout with npm's JSON: the report is the last top-level object.
  const start = publish.stdout.lastIndexOf('\n{\n');
  if (publish.status !== 0 || start < 0) {
    console.error(publish.stderr);
    throw new Error(`npm publish --dry-run failed (exit ${publish.status})`);
  }
  const pkg = JSON.parse(readFileSync(join(work, 'package.json'), 'utf8'));
  const report = Object.values(JSON.parse(publish.stdout.slice(start)))[0];
  const paths = new Set(report.files.map((f) => f.path));
  const problems = [];
  for (const file of namedFiles(pkg))
    if (!paths.has(file)) problems.push(`missing: ${file} (is the build run on prepack?)`);
  const allowed = [...pkg.files, 'package.json', 'README.md', 'CHANGELOG.md', 'LICENSE'];
  for (const path of [...paths].sort()) {
    const why = unexpected(path, allowed);
    if (why) problems.push(`unexpected: ${path} (${why})`);
  }
  const corrected = publish.stderr.split('\n').filter((line) => /auto-corrected|was invalid|was cleaned/.test(line));
  problems.push(...corrected.map((line) => `npm changed package.json: ${line.replace(/^npm warn publish /, '')}`));

  const byFolder = new Map();
  for (const f of report.files) {
    // dist/hostinger/index.js → dist/hostinger; dist/chunk-X.js → dist/; README.md → README.md
    const parts = f.path.split('/');
    const top = parts.length > 2 ? parts.slice(0, 2).join('/') : parts.length === 2 ? `${parts[0]}/` : f.path;
    const entry = byFolder.get(top) ?? { files: 0, bytes: 0 };
    byFolder.set(top, { files: entry.files + 1, bytes: entry.bytes + f.size });
  }
  console.log(`${report.id} as npm publish would send it (a clean export of HEAD, built by prepack):`);
  for (const [folder, { files, bytes }] of [...byFolder].sort())
    console.log(`  ${folder.padEnd(28)} ${String(files).padStart(4)} files ${String(bytes).padStart(9)} B`);
  console.log(`  ${report.entryCount} files, ${report.size} B packed, ${report.unpackedSize} B unpacked`);
  if (problems.length > 0) {
    console.error(`The tarball is not what should be published:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
