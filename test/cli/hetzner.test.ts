import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHetznerProvider } from '../../src/hetzner/index.js';
import { createHetznerSimulator } from '../../src/testing/index.js';
import { startFixture, type CliFixture } from './run-cli.js';

// The CLI with Hetzner configured against its simulator (served under /v1, as Hetzner's API is).
const sim = createHetznerSimulator({ token: 'hz-cli-token-7c2e' });
let fx: CliFixture;
let baseUrl: string;

beforeAll(async () => {
  fx = await startFixture();
  baseUrl = `${await sim.listen()}/v1`;
  const configured = await fx.run(['providers', 'configure', 'hetzner', '--extra', `base_url=${baseUrl}`, '--test'], {
    env: { SETEC_HOSTING_API_KEY: sim.token },
  });
  expect(configured.code, configured.stderr).toBe(0);
});
afterAll(async () => {
  await sim.close();
  await fx.close();
});

describe('cli: the Hetzner provider', () => {
  it('is registered: configure --test passes and providers list shows it configured', async () => {
    const result = await fx.run(['providers', 'list', '--output', 'json']);
    const rows = JSON.parse(result.stdout) as Array<{ name: string; configured: boolean }>;
    expect(rows.find((r) => r.name === 'hetzner')).toMatchObject({ configured: true });
  });

  it('dns create waits for the action; dns list then shows the record, as the SDK lists it', async () => {
    const created = await fx.run([
      'dns',
      'create',
      'example.com',
      'cli',
      'TXT',
      'from the cli',
      '--provider',
      'hetzner',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const result = await fx.run(['dns', 'list', 'example.com', '--provider', 'hetzner', '--output', 'json']);
    expect(result.code).toBe(0);
    const sdk = createHetznerProvider({ apiKey: sim.token, baseUrl });
    expect(JSON.parse(result.stdout)).toEqual(await sdk.dns.list('example.com'));
    expect(result.stdout).toContain('from the cli');
  });
});
