import { describe, expect, it } from 'vitest';
import { ErrNotSupported } from '../../src/core/errors.js';
import { conformanceChecks, createMemoryProvider, runConformance, testProvider } from '../../src/testing/index.js';

// The memory provider is the reference implementation: it runs the whole kit, and a DNS-only
// variant runs it with the other groups absent.
testProvider(() => createMemoryProvider(), { domain: 'example.com', name: 'memory' });
testProvider(() => createMemoryProvider({ name: 'dns-only', displayName: 'DNS only', capabilities: ['dns'] }), {
  domain: 'example.com',
  name: 'dns-only',
  capabilities: ['dns'],
});

describe('testing: conformance kit on the memory provider', () => {
  it('runConformance reports every check passing and none skipped', async () => {
    const results = await runConformance(() => createMemoryProvider(), { domain: 'example.com' });
    expect(results.map((r) => r.name)).toEqual(conformanceChecks.map((c) => c.name));
    expect(results.filter((r) => !r.ok || r.skipped)).toEqual([]);
  });

  it('skips the checks of absent groups and the ones named in options.skip, saying why', async () => {
    const results = await runConformance(() => createMemoryProvider({ capabilities: ['dns'] }), {
      domain: 'example.com',
      skip: ['dns: a TXT value over 255 bytes, with quotes and a backslash, round-trips'],
    });
    const skipped = Object.fromEntries(results.filter((r) => r.skipped).map((r) => [r.name, r.skipped]));
    expect(skipped).toEqual({
      'dns: a TXT value over 255 bytes, with quotes and a backslash, round-trips': 'listed in options.skip',
      'models: domains.list, get and checkAvailability return Domain and DomainAvailability objects':
        'the provider has no domains group',
      'models: vps.list and listDataCenters return VirtualMachine and DataCenter objects':
        'the provider has no vps group',
      'models: sshKeys.list returns SshKey objects': 'the provider has no sshKeys group',
      'sshKeys: add returns the ssh-keygen fingerprint and delete removes the key': 'the provider has no sshKeys group',
      'models: billing.listSubscriptions returns Subscription objects': 'the provider has no billing group',
      'models: billing.getCatalog returns CatalogItem objects': 'the provider has no billing group',
      'vps: start, stop and restart of a VM that does not exist are NotFoundErrors': 'the provider has no vps group',
      'vps: waitFor, delete and the snapshot calls on a VM that does not exist are NotFoundErrors':
        'the provider has no vps group',
      'vps: bad wait options and user data over every limit are ValidationErrors before anything is sent':
        'the provider has no vps group',
      'vps: a wait whose signal has aborted rejects with its reason, without polling': 'the provider has no vps group',
      'inputs: vps.create refuses a password under 12 characters and a bad host name': 'the provider has no vps group',
      'inputs: sshKeys.add refuses an empty name and one over 255 characters': 'the provider has no sshKeys group',
      'inputs: domains.setNameservers takes 2 to 4 host names': 'the provider has no domains group',
      'spending: domains.purchase with maxPrice refuses a domain that is not available, naming maxPrice':
        'the provider has no domains group',
      'spending: domains.purchase with maxPrice below the price is refused and buys nothing':
        'the provider has no domains group',
      'spending: vps.create with maxPrice 0, or a plan not in the catalog, is refused and creates nothing':
        'the provider has no vps group',
    });
    expect(results.every((r) => r.ok)).toBe(true);
  });

  it('counts a method that throws ErrNotSupported inside a present group as not supported, naming why', async () => {
    const factory = () => {
      const provider = createMemoryProvider();
      const billing = {
        ...provider.billing!,
        listSubscriptions: async () => {
          throw new ErrNotSupported('memory', 'billing.listSubscriptions');
        },
      };
      return { ...provider, billing, testConnection: provider.testConnection.bind(provider) };
    };
    const results = await runConformance(factory, { domain: 'example.com' });
    const byName = new Map(results.map((r) => [r.name, r]));
    expect(byName.get('models: billing.listSubscriptions returns Subscription objects')).toEqual({
      name: 'models: billing.listSubscriptions returns Subscription objects',
      ok: true,
      skipped: 'not supported: memory does not support billing.listSubscriptions',
    });
    expect(byName.get('models: billing.getCatalog returns CatalogItem objects')).toEqual({
      name: 'models: billing.getCatalog returns CatalogItem objects',
      ok: true,
    });
    expect(results.filter((r) => !r.ok)).toEqual([]);
  });

  it('leaves the zone as it found it: every record a check creates is removed', async () => {
    const provider = createMemoryProvider();
    const before = await provider.dns!.list('example.com');
    await runConformance(() => provider, { domain: 'example.com' });
    expect(await provider.dns!.list('example.com')).toEqual(before);
    expect((await provider.sshKeys!.list()).map((k) => k.name)).toEqual(['laptop']);
  });
});
