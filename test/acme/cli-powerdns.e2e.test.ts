import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPowerDnsProvider } from '../../src/powerdns/index.js';
import { runCli } from '../cli/run-cli.js';
import { describeWithPdns, startPdnsServer, type PdnsServer } from '../support/pdns-server.js';

describeWithPdns('cli: acme hooks against a real PowerDNS server', () => {
  let pdns: PdnsServer;
  let configDir: string;
  const run = (args: string[], env: Record<string, string> = {}) =>
    runCli([...args, '--config-dir', configDir], { env });

  beforeAll(async () => {
    pdns = await startPdnsServer();
    await pdns.createZone('example.test');
    configDir = mkdtempSync(join(tmpdir(), 'setec-acme-cli-'));
    const configured = await run(['providers', 'configure', 'powerdns', '--extra', `base_url=${pdns.apiUrl}`], {
      SETEC_HOSTING_API_KEY: pdns.apiKey,
    });
    expect(configured.stderr).not.toContain('Error');
    expect(configured.code).toBe(0);
  }, 60_000);
  afterAll(async () => {
    await pdns?.stop();
    rmSync(configDir, { recursive: true, force: true });
  });

  it('certbot-auth returns once PowerDNS answers the value; certbot-cleanup removes it', async () => {
    const provider = createPowerDnsProvider({ apiKey: pdns.apiKey, baseUrl: pdns.apiUrl });
    const env = {
      CERTBOT_DOMAIN: 'www.example.test',
      CERTBOT_VALIDATION: 'certbot-digest',
      SETEC_HOSTING_ACME_NAMESERVERS: `127.0.0.1:${pdns.dnsPort}`,
    };
    const auth = await run(['acme', 'certbot-auth', '--interval', '0.1'], env);
    expect(auth.code).toBe(0);
    const values = async () =>
      (await provider.dns.list('example.test')).filter((r) => r.name === '_acme-challenge.www').map((r) => r.content);
    expect(await values()).toEqual(['certbot-digest']);
    const cleanup = await run(['acme', 'certbot-cleanup'], env);
    expect(cleanup.code).toBe(0);
    expect(await values()).toEqual([]);
  }, 60_000);
});
