import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// msw is an optional peer: a project without it must type-check `setec-hosting/testing` with `skipLibCheck: false`.
const root = fileURLToPath(new URL('../..', import.meta.url));
const built = existsSync(join(root, 'dist/testing/index.d.ts'));
const declarations = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? declarations(join(dir, entry.name))
      : /\.d\.c?ts$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );

describe.skipIf(!built)('package: the testing entry’s types without msw installed', () => {
  const project = mkdtempSync(join(tmpdir(), 'setec-no-msw-'));
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('no emitted declaration file imports msw', () => {
    const importsMsw = declarations(join(root, 'dist')).filter((file) =>
      /(from|import\()\s*['"]msw(\/[^'"]*)?['"]/.test(readFileSync(file, 'utf8')),
    );
    expect(importsMsw).toEqual([]);
  });

  it('a consumer importing setec-hosting/testing type-checks with skipLibCheck false and no msw', () => {
    // A copy (not a symlink) of the package, so its imports resolve from this project, where msw is absent.
    const pkgDir = join(project, 'node_modules/setec-hosting');
    mkdirSync(pkgDir, { recursive: true });
    cpSync(join(root, 'package.json'), join(pkgDir, 'package.json'));
    cpSync(join(root, 'dist'), join(pkgDir, 'dist'), { recursive: true });
    for (const dep of ['ky', 'zod', 'hono', 'undici', '@types/node']) {
      mkdirSync(join(project, 'node_modules', dep, '..'), { recursive: true });
      symlinkSync(join(root, 'node_modules', dep), join(project, 'node_modules', dep), 'dir');
    }
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', type: 'module', private: true }));
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'nodenext', strict: true, skipLibCheck: false, noEmit: true, types: ['node'] },
        files: ['consumer.ts'],
      }),
    );
    writeFileSync(
      join(project, 'consumer.ts'),
      [
        "import { createHostingerSimulator, createMemoryProvider, type MswRequestHandler } from 'setec-hosting/testing';",
        'const sim = createHostingerSimulator();',
        'const provider = createMemoryProvider();',
        'export const handlers: MswRequestHandler[] = sim.handlers();',
        'export const summary: string = `${provider.name} ${sim.baseUrl}`;',
        '',
      ].join('\n'),
    );
    expect(existsSync(join(project, 'node_modules/msw'))).toBe(false);
    let output = '';
    try {
      execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project], {
        cwd: project,
        encoding: 'utf8',
      });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe('');
  }, 120_000);
});
