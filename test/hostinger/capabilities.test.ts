import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors.js';
import {
  createHostingerBilling,
  createHostingerDns,
  createHostingerDomains,
  createHostingerProvider,
  createHostingerSshKeys,
  createHostingerVps,
} from '../../src/hostinger/index.js';
import { applyPlan, planZone } from '../../src/zone/index.js';
import { useSimulatorServer } from '../support/msw.js';

const { sim, baseUrl } = useSimulatorServer();

describe('hostinger: one factory per capability group', () => {
  it('each group on its own answers as the same group of the whole provider', async () => {
    const options = { apiKey: sim.token, baseUrl };
    const whole = createHostingerProvider(options);
    const domain = (await whole.domains.list())[0]!.name;
    expect(await createHostingerDns(options).list(domain)).toEqual(await whole.dns.list(domain));
    expect(await createHostingerDomains(options).list()).toEqual(await whole.domains.list());
    expect(await createHostingerVps(options).list()).toEqual(await whole.vps.list());
    expect(await createHostingerSshKeys(options).list()).toEqual(await whole.sshKeys.list());
    expect(await createHostingerBilling(options).getCatalog()).toEqual(await whole.billing.getCatalog());
  });

  it('the DNS-only group leaves the batch writer to the whole provider', () => {
    const options = { apiKey: sim.token, baseUrl };
    expect(createHostingerDns(options).writeSets).toBeUndefined();
    expect(createHostingerProvider(options).dns.writeSets).toBeTypeOf('function');
  });

  it('the DNS-only group applies a plan that swaps a CNAME for A records, set by set', async () => {
    const options = { apiKey: sim.token, baseUrl };
    const dns = createHostingerDns(options);
    const provider = { name: 'hostinger', displayName: 'Hostinger', testConnection: async () => {}, dns };
    const domain = (await createHostingerDomains(options).list())[0]!.name;
    await dns.create(domain, { type: 'CNAME', name: 'swap', content: 'target.example.net' });
    const others = (await dns.list(domain)).filter((r) => r.name !== 'swap');
    const desired = [...others, { type: 'A' as const, name: 'swap', content: '192.0.2.7', ttl: 300 }];
    await applyPlan(provider, await planZone(provider, domain, desired));
    const swapped = (await dns.list(domain)).filter((r) => r.name === 'swap');
    expect(swapped.map(({ type, content }) => ({ type, content }))).toEqual([{ type: 'A', content: '192.0.2.7' }]);
  });

  const factories = {
    createHostingerDns,
    createHostingerDomains,
    createHostingerVps,
    createHostingerSshKeys,
    createHostingerBilling,
  };
  it.each(Object.entries(factories))('%s refuses an empty token before anything is sent', (_name, factory) => {
    const before = sim.requests.length;
    expect(() => factory({ apiKey: '  ' })).toThrow(ValidationError);
    expect(sim.requests.length).toBe(before);
  });
});
