import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createPowerDnsProvider } from '../../src/powerdns/index.js';
import { describeWithPdns, usePdnsServer } from '../support/pdns-server.js';
import { runCli } from './run-cli.js';

describeWithPdns('cli: PowerDNS is one of the providers the command line ships', () => {
  const server = usePdnsServer(['example.org']);
  const configDir = mkdtempSync(join(tmpdir(), 'setec-cli-pdns-'));
  const run = (args: string[]) =>
    runCli([...args, '--config-dir', configDir], { env: { SETEC_HOSTING_API_KEY: server().apiKey } });
  afterAll(() => rmSync(configDir, { recursive: true, force: true }));

  it('configures powerdns against a real server, writes a record and lists the zone as the SDK does', async () => {
    const configured = await run(['providers', 'configure', 'powerdns', '--extra', `base_url=${server().apiUrl}`]);
    expect(configured.code).toBe(0);
    expect(configured.stderr).toContain('PowerDNS configured');
    const created = await run(['dns', 'create', 'example.org', 'www', 'A', '192.0.2.10', '--ttl', '300']);
    expect(created.code).toBe(0);
    const listed = await run(['dns', 'list', 'example.org', '--output', 'json']);
    expect(listed.code).toBe(0);
    const sdk = createPowerDnsProvider({ apiKey: server().apiKey, baseUrl: server().apiUrl });
    expect(JSON.parse(listed.stdout)).toEqual(await sdk.dns.list('example.org'));
    expect(JSON.parse(listed.stdout)).toContainEqual(
      expect.objectContaining({ id: 'www/A/0', name: 'www', content: '192.0.2.10', ttl: 300 }),
    );
    expect(listed.stdout + listed.stderr).not.toContain(server().apiKey);
  });

  it('dns apply of a change PowerDNS refuses saves no rollback file: the zone is as it was', async () => {
    const sdk = createPowerDnsProvider({ apiKey: server().apiKey, baseUrl: server().apiUrl });
    const before = await sdk.dns.list('example.org');
    const file = join(configDir, 'bad-mx.zone');
    writeFileSync(file, '$ORIGIN example.org.\n$TTL 300\nwww A 192.0.2.11\n@ MX 10 _bad.example.org.\n');
    const applied = await run(['dns', 'apply', 'example.org', file, '--yes', '--no-purge']);
    expect(applied.code).toBe(1);
    expect(applied.stderr).toMatch(/^ValidationError: /m);
    expect(applied.stderr).not.toMatch(/partly written|saved in/);
    expect(await sdk.dns.list('example.org')).toEqual(before);
  });
});
