/**
 * The same configure / test / remove steps through the REST API and through the CLI, each with its own
 * credentials directory, against one Hostinger simulator on 127.0.0.1: after every step both directories
 * must hold the same bytes, and those bytes must be what the credential rules say.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { PassThrough, Readable } from 'node:stream';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { ProviderConfig } from '../../src/config/config-store.js';
import { FileConfigStore } from '../../src/config/file-store.js';
import '../../src/hostinger/register.js';
import { createHostingHandler } from '../../src/http/index.js';
import { createHostingerSimulator, type HostingerSimulator } from '../../src/testing/index.js';

const K1 = 'flow-key-one-4c1e';
const K2 = 'flow-key-two-9b7d';
const S1 = 'flow-secret-2f8a';

/** One way of running the steps; `dir` is its own FileConfigStore directory. */
interface Surface {
  dir: string;
  configure(input: { api_key: string; api_secret?: string; extra?: Record<string, string> }): Promise<void>;
  /** Resolves with whether the test passed; a refusal is a `false`, anything else unexpected fails. */
  test(): Promise<boolean>;
  remove(): Promise<void>;
}

function restSurface(dir: string): Surface {
  const handler = createHostingHandler({
    store: new FileConfigStore(dir),
    auth: { none: true },
    allowUnsafeBaseUrl: true,
  });
  const send = async (method: string, path: string, body?: unknown) => {
    const response = await handler(
      new Request(`http://localhost/api/hosting/providers/hostinger${path}`, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  return {
    dir,
    async configure(input) {
      expect(await send('POST', '/configure', input)).toEqual({ status: 200, json: { status: 'configured' } });
    },
    async test() {
      const { status, json } = await send('POST', '/test');
      if (status === 422) return false; // the provider refused the key
      expect({ status, json }).toEqual({ status: 200, json: { status: 'ok', message: 'Connection successful' } });
      return true;
    },
    async remove() {
      expect(await send('DELETE', '')).toEqual({ status: 200, json: { status: 'deleted' } });
    },
  };
}

function cliSurface(dir: string): Surface {
  const run = async (args: string[], env: Record<string, string> = {}) => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const chunks: string[] = [];
    stderr.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    stdout.resume();
    const io = { stdin: Readable.from([]), stdout, stderr, env };
    const code = await main([...args, '--config-dir', dir], io);
    return { code, stderr: chunks.join('') };
  };
  return {
    dir,
    async configure({ api_key, api_secret, extra }) {
      const flags = Object.entries(extra ?? {}).flatMap(([k, v]) => ['--extra', `${k}=${v}`]);
      const env = { SETEC_HOSTING_API_KEY: api_key, ...(api_secret ? { SETEC_HOSTING_API_SECRET: api_secret } : {}) };
      const result = await run(['providers', 'configure', 'hostinger', ...flags], env);
      expect(result.code, result.stderr).toBe(0);
    },
    async test() {
      const result = await run(['providers', 'test', 'hostinger']);
      if (result.code === 1 && result.stderr.startsWith('AuthenticationError: ')) return false;
      expect(result.code, result.stderr).toBe(0);
      return true;
    },
    async remove() {
      expect((await run(['providers', 'remove', 'hostinger'])).code).toBe(0);
    },
  };
}

let sim: HostingerSimulator;
let server: ServerType;
let origin: string;
/** While set, requests wait at the simulator's door until `open()`; `arrived` resolves when one does. */
let gate: { arrived: () => void; opened: Promise<void> } | undefined;

beforeAll(async () => {
  sim = createHostingerSimulator({ token: K1 });
  server = serve({
    hostname: '127.0.0.1',
    port: 0,
    fetch: async (request: Request) => {
      if (gate) {
        gate.arrived();
        await gate.opened;
      }
      return sim.fetch(request);
    },
  });
  await new Promise((resolve) => server.once('listening', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Starts holding requests: `arrived` once one is waiting, `open()` lets it through. */
function holdRequests() {
  let arrived!: () => void;
  let open!: () => void;
  const arrival = new Promise<void>((resolve) => (arrived = resolve));
  gate = { arrived, opened: new Promise<void>((resolve) => (open = resolve)) };
  return { arrival, open: () => ((gate = undefined), open()) };
}

const stored = async (dir: string) => readFile(join(dir, 'hostinger.json'), 'utf8').catch(() => undefined);

describe('credentials: the REST API and the CLI store the same file after every step', () => {
  // One directory per surface for the whole sequence (each step starts from what the previous one stored).
  let surfaces: Surface[];
  beforeAll(async () => {
    const dir = () => mkdtemp(join(tmpdir(), 'setec-credential-flow-'));
    surfaces = [restSurface(await dir()), cliSurface(await dir())];
  });
  afterAll(() => Promise.all(surfaces.map((s) => rm(s.dir, { recursive: true, force: true }))));

  /** Runs `step` on each surface in turn, then checks both files: identical bytes, holding `expected`. */
  async function both(step: (s: Surface) => Promise<unknown>, expected: Partial<ProviderConfig> | undefined) {
    for (const surface of surfaces) await step(surface);
    const [rest, cli] = await Promise.all(surfaces.map((s) => stored(s.dir)));
    expect(cli).toBe(rest);
    if (expected === undefined) expect(rest).toBeUndefined();
    else expect(JSON.parse(rest!)).toEqual({ provider: 'hostinger', ...expected });
  }

  const U = () => origin;

  it('configure with a secret and settings stores them, not connected', async () => {
    const extra = { base_url: U(), label: 'eu' };
    await both((s) => s.configure({ api_key: K1, api_secret: S1, extra }), {
      api_key: K1,
      api_secret: S1,
      extra,
      connected: false,
    });
  });

  it('configure again with the same key alone keeps the secret and the settings', async () => {
    await both((s) => s.configure({ api_key: K1 }), {
      api_key: K1,
      api_secret: S1,
      extra: { base_url: U(), label: 'eu' },
      connected: false,
    });
  });

  it('a passing test marks it connected, and an identical configure keeps it so', async () => {
    await both(async (s) => expect(await s.test()).toBe(true), {
      api_key: K1,
      api_secret: S1,
      extra: { base_url: U(), label: 'eu' },
      connected: true,
    });
    await both((s) => s.configure({ api_key: K1 }), {
      api_key: K1,
      api_secret: S1,
      extra: { base_url: U(), label: 'eu' },
      connected: true,
    });
  });

  it('a refused test marks it not connected; the next passing test connected again', async () => {
    const refused = async (s: Surface) => {
      sim.inject({ status: 401, times: 1 });
      expect(await s.test()).toBe(false);
    };
    const settings = { api_key: K1, api_secret: S1, extra: { base_url: U(), label: 'eu' } };
    await both(refused, { ...settings, connected: false });
    await both(async (s) => expect(await s.test()).toBe(true), { ...settings, connected: true });
  });

  it('given settings replace the stored ones as a whole, and a change is not connected', async () => {
    await both((s) => s.configure({ api_key: K1, extra: { base_url: U() } }), {
      api_key: K1,
      api_secret: S1,
      extra: { base_url: U() },
      connected: false,
    });
  });

  it('a new key without a secret clears the secret and keeps the settings', async () => {
    await both((s) => s.configure({ api_key: K2 }), {
      api_key: K2,
      api_secret: '',
      extra: { base_url: U() },
      connected: false,
    });
  });

  it('remove deletes the file', async () => {
    await both((s) => s.remove(), undefined);
  });

  it('a test still running when the provider is removed leaves it removed', async () => {
    await both((s) => s.configure({ api_key: K1, extra: { base_url: U() } }), {
      api_key: K1,
      api_secret: '',
      extra: { base_url: U() },
      connected: false,
    });
    await both(async (s) => {
      const held = holdRequests();
      const testing = s.test();
      await held.arrival;
      await s.remove();
      held.open();
      expect(await testing).toBe(true);
    }, undefined);
  });
});
