import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as {
  exports: Record<string, unknown>;
  sideEffects: string[];
  version: string;
};

describe('package: built dist as a consumer sees it', () => {
  it('dist exists (npm test builds first)', () => {
    expect(existsSync(`${root}/dist/index.js`), 'run `npm run build` before these tests').toBe(true);
  });

  const report = existsSync(`${root}/dist/index.js`)
    ? (JSON.parse(execFileSync(process.execPath, ['test/package/consumer.mjs'], { cwd: root, encoding: 'utf8' })) as {
        esm: Record<string, string[]>;
        cjs: Record<string, string[]>;
        cjsSeesEsmProvider: boolean;
        sameDefaultRegistry: boolean;
        crossInstanceof: boolean;
        crossGuard: boolean;
        crossGuardNegative: boolean;
        registeredByImport: string[];
      })
    : undefined;

  it('the exports map lists exactly the public entries, no wildcards', () => {
    expect(Object.keys(pkg.exports).filter((k) => k !== './package.json')).toEqual([
      '.',
      './hostinger',
      './hostinger/register',
      './http',
      './testing',
      './zone',
      './unstorage',
      './digitalocean',
      './digitalocean/register',
      './hetzner',
      './hetzner/register',
      './provider-kit',
      './powerdns',
      './powerdns/register',
      './acme',
    ]);
    expect(JSON.stringify(pkg.exports)).not.toContain('*');
  });

  it('only the register entries are declared to have side effects', () => {
    const register = /^\.\/dist\/(hostinger|digitalocean|hetzner|powerdns)\/register\.c?js$/;
    expect(pkg.sideEffects.every((file) => register.test(file))).toBe(true);
    expect(pkg.sideEffects).toHaveLength(8);
    for (const file of pkg.sideEffects) expect(existsSync(`${root}/${file}`), file).toBe(true);
  });

  it('every entry imports with import and with require, with the same names', () => {
    expect(report).toBeDefined();
    for (const [entry, names] of Object.entries(report!.esm)) {
      expect(report!.cjs[entry], entry).toEqual(names);
    }
    expect(report!.esm['setec-hosting']).toEqual(
      expect.arrayContaining([
        'registerProvider',
        'ErrNotSupported',
        'FileConfigStore',
        'MemoryConfigStore',
        'ProviderRegistry',
      ]),
    );
    expect(report!.esm['setec-hosting/hostinger']).toEqual(
      expect.arrayContaining(['createHostingerProvider', 'hostinger']),
    );
    expect(report!.esm['setec-hosting/http']).toContain('createHostingHandler');
    expect(report!.esm['setec-hosting/testing']).toEqual(
      expect.arrayContaining(['createHostingerSimulator', 'createMemoryProvider', 'testProvider']),
    );
    expect(report!.esm['setec-hosting/unstorage']).toEqual(['UnstorageConfigStore']);
    expect(report!.esm['setec-hosting/digitalocean']).toEqual(
      expect.arrayContaining(['createDigitalOceanProvider', 'digitalocean']),
    );
    expect(report!.esm['setec-hosting/testing']).toContain('createDigitalOceanSimulator');
    expect(report!.esm['setec-hosting/hetzner']).toEqual(['createHetznerDns', 'createHetznerProvider', 'hetzner']);
    expect(report!.esm['setec-hosting/testing']).toContain('createHetznerSimulator');
    expect(report!.esm['setec-hosting/powerdns']).toEqual(['createPowerDnsProvider', 'powerdns']);
    expect(report!.esm['setec-hosting/provider-kit']).toEqual(
      expect.arrayContaining([
        'createDnsCapability',
        'createAdapterClient',
        'adapterDefinition',
        'assignRecordIds',
        'normalizeRecord',
        'checkMaxPrice',
      ]),
    );
    expect(report!.esm['setec-hosting/acme']).toEqual([
      'cleanupDns01',
      'createDns01Solver',
      'presentDns01',
      'waitForTxt',
    ]);
    // Helpers only provider authors need are no longer in the root entry.
    expect(report!.esm['setec-hosting']).not.toContain('normalizeRecord');
    expect(report!.esm['setec-hosting']).not.toContain('checkMaxPrice');
  });

  it('ESM and CJS copies share one default registry', () => {
    expect(report!.sameDefaultRegistry).toBe(true);
    expect(report!.cjsSeesEsmProvider).toBe(true);
  });

  it('importing the register entries registers every built-in provider in the shared registry', () => {
    expect(report!.registeredByImport).toEqual(
      expect.arrayContaining(['hostinger', 'digitalocean', 'hetzner', 'powerdns']),
    );
  });

  it('error classes and guards agree across the two copies', () => {
    expect(report!.crossInstanceof).toBe(true);
    expect(report!.crossGuard).toBe(true);
    expect(report!.crossGuardNegative).toBe(false);
  });

  it('VERSION (sent in User-Agent) equals package.json version', async () => {
    const { VERSION } = await import('../../src/version.js');
    expect(VERSION).toBe(pkg.version);
  });
});
