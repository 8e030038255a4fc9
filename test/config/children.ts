import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempDir } from './helpers.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const STORE_MODULE = pathToFileURL(path.join(REPO, 'src/config/file-store.ts')).href;

/** Writes a child script that has `FileConfigStore`, `writeSync` and `existsSync` in scope. */
export async function childScript(body: string): Promise<string> {
  const script = path.join(await tempDir(), 'child.mts');
  await fs.promises.writeFile(
    script,
    `import { FileConfigStore } from ${JSON.stringify(STORE_MODULE)};\nimport { existsSync, writeSync } from 'node:fs';\n${body}\n`,
  );
  return script;
}

/** A child process running `script` under tsx; `lines` holds what it printed so far. */
export function startChild(script: string, args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { test: () => boolean; resolve: () => void }[] = [];
  let stderr = '';
  let buffered = '';
  child.stdout.on('data', (d: Buffer) => {
    buffered += d.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    lines.push(...parts);
    for (const w of waiters.splice(0)) (w.test() ? w.resolve : () => waiters.push(w))();
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal, stderr }));
    },
  );
  /** Resolves once `count` lines equal to `line` were printed; rejects if the child exits first. */
  const printed = (line: string, count = 1) =>
    Promise.race([
      new Promise<void>((resolve) => {
        const w = { test: () => lines.filter((l) => l === line).length >= count, resolve };
        (w.test() ? resolve : () => waiters.push(w))();
      }),
      exited.then((r) =>
        Promise.reject(new Error(`child exited (${r.code ?? r.signal}) before "${line}": ${r.stderr}`)),
      ),
    ]);
  const kill = async () => {
    child.kill('SIGKILL');
    return exited;
  };
  return { pid: child.pid!, lines, printed, exited, kill };
}
