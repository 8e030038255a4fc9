import { describe, expect, it } from 'vitest';
import type { DnsCapability, DnsLimits, DnsRecordInput } from '../../src/core/dns.js';
import { isValidationError, type ValidationError } from '../../src/core/errors.js';
import type { Provider } from '../../src/core/provider.js';
import { createDigitalOceanProvider } from '../../src/digitalocean/index.js';
import { createHostingerProvider } from '../../src/hostinger/index.js';
import { createDnsCapability } from '../../src/provider-kit/index.js';
import { createMemoryProvider } from '../../src/testing/index.js';
import { planZone } from '../../src/zone/index.js';

/** A memory provider whose DNS declares `limits`, counting zone reads. */
function limited(limits: DnsLimits) {
  const base = createMemoryProvider({ zones: { 'example.com': [] } });
  let reads = 0;
  const dns: DnsCapability = {
    ...base.dns!,
    limits,
    list: (...args) => {
      reads++;
      return base.dns!.list(...args);
    },
  };
  return { provider: { ...base, name: 'tiny-dns', dns } as Provider, reads: () => reads };
}

const refusal = async (p: Promise<unknown>) => {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isValidationError(error)).toBe(true);
  return error as ValidationError;
};

describe('zone: planZone refuses what the provider cannot store, before anything is read', () => {
  it('names every record beyond the limits: type, TTL range and TXT length', async () => {
    const { provider, reads } = limited({ recordTypes: ['A', 'TXT'], minTtl: 300, maxTtl: 86400, maxTxtBytes: 16 });
    const desired: DnsRecordInput[] = [
      { type: 'A', name: 'ok', content: '192.0.2.1', ttl: 300 },
      { type: 'CAA', name: '@', content: '0 issue "ca.example"', ttl: 300 },
      { type: 'A', name: 'fast', content: '192.0.2.2', ttl: 60 },
      { type: 'A', name: 'slow', content: '192.0.2.3', ttl: 604800 },
      { type: 'TXT', name: 'long', content: 'x'.repeat(17), ttl: 300 },
      { type: 'TXT', name: 'short', content: 'x'.repeat(16), ttl: 300 },
    ];
    const error = await refusal(planZone(provider, 'example.com', desired));
    expect(Object.keys(error.fields).sort()).toEqual([
      'records.1.type',
      'records.2.ttl',
      'records.3.ttl',
      'records.4.content',
    ]);
    expect(error.message).toBe('tiny-dns cannot store these desired records: @ CAA, fast A, slow A, long TXT');
    expect(error.fields['records.4.content']).toEqual(['the TXT value is 17 bytes; tiny-dns stores at most 16']);
    expect(reads()).toBe(0);
  });

  it('a provider built on createDnsCapability with recordTypes publishes them, and planZone refuses other types', async () => {
    const zone: DnsRecordInput[] = [];
    const dns = createDnsCapability({
      provider: 'kit-dns',
      recordTypes: ['A', 'AAAA'],
      limits: { minTtl: 120 },
      read: async () => zone,
      write: async () => undefined,
    });
    expect(dns.limits).toEqual({ ttl: 'per-set', recordTypes: ['A', 'AAAA'], minTtl: 120 });
    const provider = { ...createMemoryProvider(), name: 'kit-dns', dns } as Provider;
    const error = await refusal(
      planZone(provider, 'example.com', [{ type: 'MX', name: '@', content: 'mail.example.com', ttl: 300 }]),
    );
    expect(error.fields['records.0.type']).toEqual(['kit-dns stores only A, AAAA records']);
  });

  it('a provider with one TTL per set refuses a set with two TTLs at plan time; one with a TTL per record takes it', async () => {
    const desired: DnsRecordInput[] = [
      { type: 'A', name: 'rr', content: '192.0.2.1', ttl: 300 },
      { type: 'A', name: 'rr', content: '192.0.2.2', ttl: 3600 },
    ];
    const hostinger = createHostingerProvider({ apiKey: 'not-used', baseUrl: 'http://127.0.0.1:9' });
    const digitalocean = createDigitalOceanProvider({ apiKey: 'not-used', baseUrl: 'http://127.0.0.1:9' });
    expect(hostinger.dns.limits?.ttl).toBe('per-set');
    expect(digitalocean.dns.limits?.ttl).toBe('per-record');
    const error = await refusal(planZone(hostinger, 'example.com', desired));
    expect(error.fields['records.1.ttl']?.[0]).toMatch(/share one TTL/);
    // DigitalOcean gets as far as reading the zone (nothing listens on port 9): the records themselves are fine.
    const read = await planZone(digitalocean, 'example.com', desired, { signal: AbortSignal.abort() }).catch(
      (e: unknown) => e,
    );
    expect(isValidationError(read)).toBe(false);
  });
});
