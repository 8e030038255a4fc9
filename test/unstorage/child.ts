/** Runs test/unstorage/store-child.ts in other processes. */
import { spawn } from 'node:child_process';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '../..');
const CHILD = path.join(import.meta.dirname, 'store-child.ts');

/** Starts the child script; resolves with its stdout once it exits with code 0. */
export function child(args: string[], onReady?: (write: (line: string) => void) => void) {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: REPO });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (onReady && stdout.includes('ready')) {
      const ready = onReady;
      onReady = undefined;
      ready((line) => proc.stdin.write(`${line}\n`));
    }
  });
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise<string>((resolve, reject) => {
    proc.on('error', reject);
    proc.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`child exited ${code}: ${stderr}`))));
  });
}

/** Two processes run `n` concurrent update() increments each, released together once both are ready. */
export async function incrementInTwoProcesses(store: string[], n: number): Promise<void> {
  const go: ((line: string) => void)[] = [];
  let bothReady!: () => void;
  const ready = new Promise<void>((resolve) => (bothReady = resolve));
  const runs = [0, 1].map(() =>
    child([...store, 'increment', String(n)], (write) => {
      go.push(write);
      if (go.length === 2) bothReady();
    }),
  );
  // Both wait on stdin until the other is ready, so their updates overlap.
  await Promise.race([ready, Promise.all(runs)]);
  for (const write of go) write('go');
  await Promise.all(runs);
}
