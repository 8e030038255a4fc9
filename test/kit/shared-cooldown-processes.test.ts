import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../..');
const CHILD = resolve(import.meta.dirname, 'fixtures/cooldown-child.ts');

let server: Server;
let origin = '';
const arrivals: number[] = [];
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'setec-cooldown-'));
  // The first request is refused with a 2 s pause; every later one gets the zone.
  server = createServer((_request, response) => {
    arrivals.push(Date.now());
    if (arrivals.length === 1) {
      response.writeHead(429, { 'Retry-After': '2', 'Content-Type': 'application/json' });
      response.end('{"message":"Too many requests"}');
    } else {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('[{"name":"@","type":"A","ttl":300,"records":[{"content":"192.0.2.1","is_disabled":false}]}]');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
  await rm(dir, { recursive: true, force: true });
});

/** Starts a child; `ready` once its modules are loaded, `run()` sends the go line and resolves with its outcome. */
function child(limit: number) {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, origin, String(limit)], {
    cwd: REPO,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const lines = new Promise<void>((resolveReady) =>
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('ready')) resolveReady();
    }),
  );
  const exited = new Promise<void>((done) => proc.on('close', () => done()));
  return {
    ready: lines,
    async run(): Promise<{ ok: boolean; name?: string; records?: number }> {
      proc.stdin.write('go\n');
      await exited;
      const last = out.trim().split('\n').at(-1) ?? '';
      if (!last.startsWith('{')) throw new Error(`child failed: ${err}`);
      return JSON.parse(last) as { ok: boolean };
    },
  };
}

describe('kit: sharedCooldown across processes', () => {
  it("a second process's next request waits for the pause a 429 gave the first one", async () => {
    const first = child(0);
    const second = child(3);
    await Promise.all([first.ready, second.ready]);

    expect(await first.run()).toEqual({ ok: false, name: 'RateLimitError' });
    const [key] = await readdir(dir);
    expect(decodeURIComponent(key!)).toMatch(/^setec-hosting:cooldown:hostinger:[0-9a-f]{32}$/);
    const until = Number(await readFile(join(dir, key!), 'utf8'));
    expect(until).toBeGreaterThanOrEqual(arrivals[0]! + 2000);

    expect(await second.run()).toEqual({ ok: true, records: 1 });
    expect(arrivals).toHaveLength(2);
    expect(arrivals[1]!).toBeGreaterThanOrEqual(until);
  }, 30_000);
});
