/**
 * The packed tarball installed into a fresh project, as a user scripting in TypeScript gets it: a script run by
 * ts-node as CommonJS (TypeScript 5.9, `node10` resolution, which finds subpath types only through
 * `typesVersions`), by ts-node's ESM loader with no tsconfig at all, and by tsx; and type-checked by
 * TypeScript 7. The tools come from the npm registry (the npm cache after `npm ci`).
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostingerProvider } from '../../src/hostinger/index.js';
import { createHostingerSimulator } from '../../src/testing/index.js';

const root = resolve(import.meta.dirname, '../..');
const samples = join(import.meta.dirname, 'ts-consumer');
const ci = process.env.CI === 'true' || process.env.CI === '1';
const TYPESCRIPT_7 = '^7.0.2';
const installed = (name: string) =>
  (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
// Generous limits: on a loaded machine one type-checking run can take many seconds.
const run = (cmd: string, args: string[], cwd: string) =>
  new Promise<Run>((done) =>
    execFile(cmd, args, { cwd, encoding: 'utf8', timeout: 150_000 }, (error, stdout, stderr) => {
      const signal = (error as { signal?: string } | null)?.signal;
      const code = error ? Number((error as { code?: unknown }).code) || 1 : 0;
      done({ code, stdout, stderr: signal ? `${stderr}[killed by ${signal}]` : stderr });
    }),
  );

const work = mkdtempSync(join(tmpdir(), 'setec-ts-consumer-'));
/** Packs dist/ as `npm publish` would; the reason when that cannot be done here. */
function pack(): { tarball?: string; reason?: string } {
  if (!existsSync(join(root, 'dist/index.js'))) return { reason: 'dist/ is not built (run "npm run build")' };
  try {
    const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { tarball: join(work, (JSON.parse(out) as { filename: string }[])[0]!.filename) };
  } catch (error) {
    return { reason: `npm pack failed: ${(error as Error).message.split('\n')[0]}` };
  }
}
const packed = pack();
if (packed.reason && !ci) console.warn(`The ts-node/tsx/TypeScript 7 consumer tests are skipped: ${packed.reason}`);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const app = join(work, 'app');
let results: Record<'cjs' | 'esm' | 'tsx' | 'ts7' | 'ts7Bad' | 'ts7Version', Promise<Run>>;

async function setUp(): Promise<void> {
  if (packed.reason) throw new Error(packed.reason);
  mkdirSync(join(app, 'cjs'), { recursive: true });
  mkdirSync(join(app, 'esm'));
  mkdirSync(join(app, 'ts7'));
  const json = (file: string, value: unknown) => writeFileSync(join(app, file), JSON.stringify(value, null, 2));
  json('package.json', { name: 'consumer', private: true });
  const install = await run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      packed.tarball!,
      `typescript@${installed('typescript')}`,
      `ts-node@${installed('ts-node')}`,
      `tsx@${installed('tsx')}`,
      `@types/node@${installed('@types/node')}`,
      `typescript7@npm:typescript@${TYPESCRIPT_7}`,
    ],
    app,
  );
  if (install.code !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
  // CommonJS as the README's ts-node section sets it up: "module": "commonjs" (node10 resolution).
  json('cjs/package.json', { type: 'commonjs' });
  json('cjs/tsconfig.json', {
    compilerOptions: { module: 'commonjs', target: 'es2022', strict: true, esModuleInterop: true, types: ['node'] },
  });
  cpSync(join(samples, 'list.ts'), join(app, 'cjs/list.ts'));
  // ESM with no tsconfig: ts-node's defaults (node10 resolution again).
  json('esm/package.json', { type: 'module' });
  cpSync(join(samples, 'list.mts'), join(app, 'esm/list.mts'));
  cpSync(join(samples, 'bad.mts'), join(app, 'esm/bad.mts'));
  const ts7Options = { module: 'nodenext', target: 'es2022', strict: true, noEmit: true, types: ['node'] };
  json('ts7/tsconfig.json', { compilerOptions: ts7Options, files: ['../cjs/list.ts', '../esm/list.mts'] });
  json('ts7/bad.json', { extends: './tsconfig.json', files: ['../esm/bad.mts'] });

  const bin = (path: string) => join(app, 'node_modules', path);
  const node = process.execPath;
  results = {
    cjs: run(node, [bin('ts-node/dist/bin.js'), 'list.ts'], join(app, 'cjs')),
    esm: run(node, ['--no-warnings', '--loader', 'ts-node/esm', 'list.mts'], join(app, 'esm')),
    tsx: run(node, [bin('tsx/dist/cli.mjs'), 'list.mts'], join(app, 'esm')),
    ts7: run(node, [bin('typescript7/bin/tsc'), '-p', 'ts7'], app),
    ts7Bad: run(node, [bin('typescript7/bin/tsc'), '-p', 'ts7/bad.json'], app),
    ts7Version: run(node, [bin('typescript7/bin/tsc'), '--version'], app),
  };
}

/** What the sample prints, computed here from the same seeded simulator. */
async function expectedListing(): Promise<string> {
  const sim = createHostingerSimulator();
  try {
    const provider = createHostingerProvider({ apiKey: sim.token, baseUrl: await sim.listen() });
    const records = await provider.dns.list('example.com');
    return `${records.length} records: ${[...new Set(records.map((r) => r.type))].sort().join(' ')}\n`;
  } finally {
    await sim.close();
  }
}

(packed.reason && !ci ? describe.skip : describe)('package: a TypeScript consumer of the packed tarball', () => {
  beforeAll(setUp, 180_000);

  // ts-node type-checks before it runs: without `typesVersions` this fails with TS2307 (module not found).
  it('ts-node type-checks and runs a CommonJS script importing setec-hosting/hostinger and /testing', async () => {
    const result = await results.cjs;
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(await expectedListing());
  }, 180_000);

  it("ts-node's ESM loader runs the .mts script with no tsconfig", async () => {
    const result = await results.esm;
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(await expectedListing());
  }, 180_000);

  it('tsx runs the .mts script', async () => {
    const result = await results.tsx;
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(await expectedListing());
  }, 180_000);

  it('TypeScript 7 type-checks both scripts, and finds the wrong argument in the bad one', async () => {
    expect((await results.ts7Version).stdout).toMatch(/^Version 7\./);
    const good = await results.ts7;
    expect(good.stdout + good.stderr).toBe('');
    expect(good.code).toBe(0);
    const bad = await results.ts7Bad;
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toMatch(/bad\.mts\(\d+,\d+\): error TS2345/);
  }, 180_000);
});
