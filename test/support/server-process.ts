/**
 * The part every real test server shares (no vitest here, so benchmarks can use it too): find the binary, pick
 * free ports of 127.0.0.1, start the process in a fresh temporary directory, wait until it is ready, stop it by
 * its pid and remove the directory. `redis-process.ts` and `pdns-process.ts` add what is theirs (arguments,
 * configuration, the readiness probe).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The first of `files` that exists and is executable, otherwise `undefined`. */
export function findExecutable(files: ReadonlyArray<string | undefined>): string | undefined {
  for (const file of files) {
    if (!file) continue;
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // not there
    }
  }
  return undefined;
}

/** Absolute path of `name` when it is on PATH, otherwise `undefined`. */
export function findOnPath(name: string): string | undefined {
  return findExecutable((process.env.PATH ?? '').split(path.delimiter).map((dir) => dir && path.join(dir, name)));
}

/** A port that was free a moment ago (the OS picks it); the caller retries if another process takes it first. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A started server process. */
export interface ServerProcess {
  readonly pid: number;
  /** Its temporary directory, removed by `stop`. */
  readonly dir: string;
  /** SIGTERM to its pid, SIGKILL if it has not exited after the grace period, then the directory removed. Safe to call twice. */
  stop(): Promise<void>;
}

/** How to start one server. */
export interface ServerProcessOptions {
  /** Named in the error when it does not start, e.g. `redis-server on port 6380`. */
  name: string;
  /** The start of the temporary directory's name, e.g. `setec-redis-`. */
  tmpPrefix: string;
  binary: string;
  /** Writes what the server needs into its fresh directory, before it starts. */
  prepare?(dir: string): void | Promise<void>;
  args(dir: string): string[];
  /** Polled every 50 ms with the output so far: `true` once it serves, `'failed'` to give up at once. */
  ready(output: string): boolean | 'failed' | Promise<boolean | 'failed'>;
  /** How long it may take to become ready. */
  startMs: number;
  /** How long `stop` waits after SIGTERM before SIGKILL. */
  graceMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts the server in a fresh temporary directory and waits until it is ready.
 * @throws with the tail of its output when it exits or is not ready in time (it is stopped first).
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), options.tmpPrefix));
  let output = '';
  let stopped = false;
  let child: ChildProcess | undefined;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const pid = child?.pid;
    if (child && pid !== undefined && child.exitCode === null && child.signalCode === null) {
      process.kill(pid, 'SIGTERM');
      const killer = setTimeout(() => process.kill(pid, 'SIGKILL'), options.graceMs);
      await exited(child);
      clearTimeout(killer);
    }
    await fs.promises.rm(dir, { recursive: true, force: true });
  };
  try {
    await options.prepare?.(dir);
    child = spawn(options.binary, options.args(dir), { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.once('error', (error) => (output += String(error)));
    const deadline = Date.now() + options.startMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) break;
      const ready = await options.ready(output);
      if (ready === 'failed') break;
      if (ready) return { pid: child.pid!, dir, stop };
      await sleep(50);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  await stop();
  throw new Error(`${options.name} did not start:\n${output.slice(-2000)}`);
}

/** Runs `start` up to three times: a port taken between choosing and binding is retried with other ports. */
export async function withRetries<T>(start: () => Promise<T>): Promise<T> {
  let last: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await start();
    } catch (error) {
      last = error;
    }
  }
  throw last;
}
