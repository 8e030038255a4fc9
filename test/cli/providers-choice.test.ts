import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDigitalOceanProvider } from '../../src/digitalocean/index.js';
import { createDigitalOceanSimulator } from '../../src/testing/index.js';
import { startFixture, type CliFixture } from './run-cli.js';

// Hostinger and DigitalOcean configured side by side, each against its simulator.
const doSim = createDigitalOceanSimulator({ token: 'do-cli-token-31f7' });
let fx: CliFixture;
let doOrigin: string;

beforeAll(async () => {
  fx = await startFixture();
  doOrigin = await doSim.listen();
  const configured = await fx.run(['providers', 'configure', 'digitalocean', '--extra', `base_url=${doOrigin}`], {
    env: { SETEC_HOSTING_API_KEY: doSim.token },
  });
  expect(configured.code).toBe(0);
});
afterAll(async () => {
  await doSim.close();
  await fx.close();
});

describe('cli: choosing between several providers', () => {
  it('providers list shows both registered providers as configured', async () => {
    const result = await fx.run(['providers', 'list', '--output', 'json']);
    const rows = JSON.parse(result.stdout) as Array<{ name: string; configured: boolean }>;
    expect(rows.filter((r) => r.configured).map((r) => r.name)).toEqual(['digitalocean', 'hostinger']);
  });

  it('without --provider or $SETEC_HOSTING_PROVIDER, several configured providers are a usage error naming them', async () => {
    const result = await fx.run(['dns', 'list', 'example.com']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^UsageError: several providers are configured \(digitalocean, hostinger\)/);
  });

  it('--provider digitalocean lists the DigitalOcean zone, exactly as the SDK does', async () => {
    const result = await fx.run(['dns', 'list', 'example.com', '--provider', 'digitalocean', '--output', 'json']);
    expect(result.code).toBe(0);
    const sdk = createDigitalOceanProvider({ apiKey: doSim.token, baseUrl: doOrigin });
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify(await sdk.dns!.list('example.com'))));
  });

  it('$SETEC_HOSTING_PROVIDER chooses when no flag is given', async () => {
    fx.sim.reset();
    const result = await fx.run(['vms', 'list', '--output', 'json'], { env: { SETEC_HOSTING_PROVIDER: 'hostinger' } });
    expect(result.code).toBe(0);
    expect(fx.sim.requests.map((r) => r.path)).toContain('/api/vps/v1/virtual-machines');
  });

  it('a group the provider does not have is ErrNotSupported, exit 1', async () => {
    const result = await fx.run(['domains', 'list', '--provider', 'digitalocean']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ErrNotSupported: digitalocean does not support domains/);
  });

  it('a setting the provider does not list is stored with a warning naming the ones it knows', async () => {
    const result = await fx.run(
      [
        ...['providers', 'configure', 'digitalocean', '--extra', `base_url=${doOrigin}`],
        ...['--extra', 'baseurl=https://typo.example', '--output', 'json'],
      ],
      { env: { SETEC_HOSTING_API_KEY: doSim.token } },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning: digitalocean does not list the setting "baseurl" (it knows base_url)');
    expect(JSON.parse(result.stdout).extra).toEqual({ base_url: doOrigin, baseurl: 'https://typo.example' });
  });
});
