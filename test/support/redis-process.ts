/**
 * Starts a private, real `redis-server` (no vitest here, so benchmarks can use it too): a free port of 127.0.0.1,
 * a fresh temporary directory, persistence off (`--save '' --appendonly no`), ready once it answers PING,
 * stopped by its pid. Tests use it through `./redis-server.js`.
 */
import net from 'node:net';
import { findOnPath, freePort, startServerProcess, withRetries } from './server-process.js';

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

async function startOnce(binary: string): Promise<RedisServer> {
  const port = await freePort();
  const server = await startServerProcess({
    name: `redis-server (no answer to PING on port ${port})`,
    tmpPrefix: 'setec-redis-',
    binary,
    args: (dir) => ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
    ready: () => ping(port),
    startMs: 10_000,
    graceMs: 5000,
  });
  return { port, url: `redis://127.0.0.1:${port}`, pid: server.pid, stop: server.stop };
}

/**
 * Starts a private `redis-server` and waits until it answers PING. A port taken between choosing and binding
 * is retried with another port (three attempts).
 * @throws when `redis-server` is not on PATH or does not start.
 */
export async function startRedisServer(): Promise<RedisServer> {
  const binary = redisServerPath;
  if (!binary) throw new Error('redis-server is not on PATH');
  return withRetries(() => startOnce(binary));
}
