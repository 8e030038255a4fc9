/**
 * Starts a private, real `redis-server` (no vitest here, so benchmarks can use it too): a free port of 127.0.0.1,
 * a fresh temporary directory, persistence off (`--save '' --appendonly no`), ready once it answers PING,
 * stopped by its pid. Tests use it through `./redis-server.js`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Absolute path of `redis-server` when it is on PATH, otherwise `undefined`. */
export const redisServerPath: string | undefined = findOnPath('redis-server');

/** A running server started by {@link startRedisServer}. */
export interface RedisServer {
  readonly port: number;
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  readonly pid: number;
  /** Stops the server (SIGTERM to its pid, SIGKILL after 5 s) and removes its directory. Safe to call twice. */
  stop(): Promise<void>;
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** A port that was free a moment ago (the OS picks it); the caller retries if another process takes it first. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Sends one PING over a raw connection; true on `+PONG`. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let reply = '';
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.once('error', () => finish(false));
    socket.on('data', (d) => {
      reply += d.toString();
      if (reply.includes('\r\n')) finish(reply.startsWith('+PONG'));
    });
    socket.once('connect', () => socket.write('PING\r\n'));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function startOnce(binary: string): Promise<RedisServer> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'setec-redis-'));
  const port = await freePort();
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  child.once('error', (error) => (output += String(error)));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      process.kill(child.pid, 'SIGTERM');
      const killer = setTimeout(() => child.pid !== undefined && process.kill(child.pid, 'SIGKILL'), 5000);
      await exited(child);
      clearTimeout(killer);
    }
    await fs.promises.rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    if (await ping(port)) return { port, url: `redis://127.0.0.1:${port}`, pid: child.pid!, stop };
    await sleep(50);
  }
  await stop();
  throw new Error(`redis-server did not answer PING on port ${port}:\n${output.slice(-2000)}`);
}

/**
 * Starts a private `redis-server` and waits until it answers PING. A port taken between choosing and binding
 * is retried with another port (three attempts).
 * @throws when `redis-server` is not on PATH or does not start.
 */
export async function startRedisServer(): Promise<RedisServer> {
  if (!redisServerPath) throw new Error('redis-server is not on PATH');
  let last: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(redisServerPath);
    } catch (error) {
      last = error;
    }
  }
  throw last;
}
