import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFixture, type CliFixture } from './run-cli.js';

// A key that looks like nothing the redaction patterns know, so only the CLI's own care keeps it out.
const KEY = 'Qx7canary9KeyZ3';
let fx: CliFixture;

beforeAll(async () => {
  fx = await startFixture(KEY);
});
afterAll(() => fx.close());
beforeEach(() => fx.sim.reset());

describe('cli: the API key never appears in any output', () => {
  it.each([
    ['a listing', ['dns', 'list', 'example.com']],
    ['JSON output', ['providers', 'list', '--output', 'json']],
    ['a table of providers', ['providers', 'list']],
    ['a failure with --debug', ['vms', 'get', '999', '--debug']],
    ['a connection test', ['providers', 'test', 'hostinger', '--debug']],
  ])('%s', async (_title, args) => {
    const result = await fx.run(args as string[]);
    expect(result.stdout + result.stderr).not.toContain(KEY);
    expect(result.stdout.length + result.stderr.length).toBeGreaterThan(0);
  });

  it('a rejected key (401) with --debug names the error, not the key', async () => {
    fx.sim.inject({
      status: 401,
      times: 1,
      body: JSON.stringify({ message: `Unauthenticated: token ${KEY} rejected` }),
    });
    const result = await fx.run(['domains', 'list', '--debug']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^AuthenticationError: /);
    expect(result.stdout + result.stderr).not.toContain(KEY);
  });

  it('configure --test with a rejected key stores nothing and never echoes the key', async () => {
    const other = 'Zr4newKey8Wq2';
    fx.sim.inject({ status: 401, times: 1, body: JSON.stringify({ message: `Unauthenticated: ${other}` }) });
    const result = await fx.run(['providers', 'configure', 'hostinger', '--test', '--debug'], {
      env: { SETEC_HOSTING_API_KEY: other },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^AuthenticationError: /);
    expect(result.stdout + result.stderr).not.toContain(other);
    // The stored key is still the one that works.
    expect((await fx.run(['providers', 'test', 'hostinger'])).code).toBe(0);
  });

  it('configure with a base_url that is not a URL is refused before anything is stored', async () => {
    const result = await fx.run(['providers', 'configure', 'hostinger', '--extra', 'base_url=not-a-url'], {
      env: { SETEC_HOSTING_API_KEY: 'Zr4newKey8Wq2' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ValidationError: The Hostinger base URL must be an http\(s\) URL/);
    expect((await fx.run(['providers', 'test', 'hostinger'])).code).toBe(0);
  });

  it('providers test records a working connection', async () => {
    const result = await fx.run(['providers', 'test', 'hostinger', '--output', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ name: 'hostinger', connected: true });
    expect(fx.sim.requests).toHaveLength(1);
  });
});

describe('cli: providers list hides credential-like settings', () => {
  it('an extra value named like a password or token shows as [REDACTED]; other settings as stored', async () => {
    const configured = await fx.run(
      [
        ...['providers', 'configure', 'hostinger', '--extra', `base_url=${fx.origin}`],
        ...['--extra', 'db_password=pw-4f9d1c', '--extra', 'webhook_token=tk-88a2e0'],
      ],
      { env: { SETEC_HOSTING_API_KEY: KEY } },
    );
    expect(configured.code).toBe(0);
    const json = await fx.run(['providers', 'list', '--output', 'json']);
    const hostinger = (JSON.parse(json.stdout) as { name: string; extra: Record<string, string> }[]).find(
      (p) => p.name === 'hostinger',
    );
    expect(hostinger?.extra).toEqual({
      base_url: fx.origin,
      db_password: '[REDACTED]',
      webhook_token: '[REDACTED]',
    });
    const table = await fx.run(['providers', 'list']);
    expect(table.stdout).toContain(`base_url=${fx.origin}`);
    expect(table.stdout).toContain('db_password=[REDACTED]');
    for (const result of [json, table, configured])
      expect(result.stdout + result.stderr).not.toMatch(/pw-4f9d1c|tk-88a2e0/);
  });
});
