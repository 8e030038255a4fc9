import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  isValidationError,
  type DnsCapability,
  type DnsRecord,
  type Provider,
} from '../../src/index.js';
import { assignRecordIds } from '../../src/provider-kit/index.js';
import { createMemoryProvider, runConformance, type ConformanceOptions } from '../../src/testing/index.js';

const options: ConformanceOptions = { domain: 'example.com' };

/** A memory provider whose DNS group has some methods replaced by broken ones. */
function brokenDns(
  patch: (inner: DnsCapability) => Partial<DnsCapability>,
  zones?: Parameters<typeof createMemoryProvider>[0],
): () => Provider {
  return () => {
    const provider = createMemoryProvider(zones);
    const inner = provider.dns!;
    return { ...provider, dns: { ...inner, ...patch(inner) } };
  };
}

/** Names of the checks that failed. */
async function failures(factory: () => Provider, extra: Partial<ConformanceOptions> = {}): Promise<string[]> {
  const results = await runConformance(factory, { ...options, ...extra });
  return results.filter((r) => !r.ok).map((r) => r.name);
}

async function failure(factory: () => Provider, name: string): Promise<string> {
  const result = (await runConformance(factory, options)).find((r) => r.name === name);
  return String(result?.error);
}

describe('testing: conformance kit catches broken providers', () => {
  it('a create that overwrites the record set fails the duplicate, shared-id and existing-set checks', async () => {
    const factory = brokenDns((dns) => ({
      create: (d, record, o) => dns.update(d, [record], { ...o, overwrite: true }),
    }));
    expect(await failures(factory)).toEqual([
      'dns: ids have the form name/type/priority, with a suffix only when records share those',
      'dns: create of an exact duplicate is a ConflictError and changes nothing',
      'dns: create into an existing record set leaves the records already in it unchanged',
    ]);
    expect(
      await failure(factory, 'dns: create of an exact duplicate is a ConflictError and changes nothing'),
    ).toContain('should have rejected');
  });

  it('ids without a suffix for shared name/type/priority fail the uniqueness and id-form checks', async () => {
    const factory = brokenDns((dns) => ({
      list: async (d, o) => (await dns.list(d, o)).map((r) => ({ ...r, id: `${r.name}/${r.type}/${r.priority}` })),
    }));
    expect(await failures(factory)).toEqual([
      'dns: list ids are unique and stable across two listings',
      'dns: ids have the form name/type/priority, with a suffix only when records share those',
    ]);
  });

  it('ids that depend on listing order fail the stability check and the idempotent-merge check', async () => {
    let calls = 0;
    const factory = brokenDns(
      (dns) => ({
        // Every other listing comes back reversed, and shared ids are numbered by position.
        list: async (d, o) => {
          const records = await dns.list(d, o);
          const ordered = calls++ % 2 ? records.reverse() : records;
          const seen = new Map<string, number>();
          return ordered.map((r) => {
            const base = `${r.name}/${r.type}/${r.priority}`;
            const n = (seen.get(base) ?? 0) + 1;
            seen.set(base, n);
            return { ...r, id: r.id.includes('#') ? `${base}#${n}` : base };
          });
        },
      }),
      { zones: { 'example.com': [{ type: 'A', name: '@', content: '192.0.2.1' }] } },
    );
    expect(await failures(factory)).toEqual([
      'dns: list ids are unique and stable across two listings',
      'dns: update merge keeps present records, adds missing ones, and repeating it changes nothing',
    ]);
  });

  it('a create that skips validation fails the five bad-record checks', async () => {
    const factory = brokenDns((dns) => ({
      create: async (d, record, o) => {
        try {
          await dns.create(d, record, o);
        } catch (error) {
          if (!isValidationError(error)) throw error;
        }
      },
    }));
    expect(await failures(factory)).toEqual([
      'dns: a bad IPv4 address is a ValidationError naming content, and the zone is unchanged',
      'dns: a TTL out of range is a ValidationError naming ttl, and the zone is unchanged',
      'dns: MX priority 70000 is a ValidationError naming priority, and the zone is unchanged',
      'dns: a CNAME at @ is a ValidationError naming name, and the zone is unchanged',
      'dns: a name that repeats the zone (www.<domain>) is a ValidationError naming name, and the zone is unchanged',
    ]);
  });

  it('a ValidationError that does not name the field fails the bad-record checks', async () => {
    const factory = brokenDns((dns) => ({
      create: (d, record, o) =>
        dns.create(d, record, o).catch((error: unknown) => {
          throw isValidationError(error) ? Object.assign(error, { fields: { record: ['invalid'] } }) : error;
        }),
    }));
    const failed = await failures(factory);
    expect(failed).toHaveLength(5);
    expect(
      await failure(factory, 'dns: a TTL out of range is a ValidationError naming ttl, and the zone is unchanged'),
    ).toContain('should name the field ttl');
  });

  it('a duplicate create that throws a plain Error instead of ConflictError fails the duplicate check', async () => {
    const factory = brokenDns((dns) => ({
      create: (d, record, o) =>
        dns.create(d, record, o).catch((error: unknown) => {
          throw error instanceof ConflictError ? new Error('duplicate') : error;
        }),
    }));
    expect(await failures(factory)).toEqual([
      'dns: create of an exact duplicate is a ConflictError and changes nothing',
    ]);
  });

  it('a merge that appends a second copy of a present record fails only the merge check', async () => {
    const factory = brokenDns((dns) => {
      // Like an API whose "append" mode stores duplicates: present records are added again.
      const copies: Omit<DnsRecord, 'id'>[] = [];
      return {
        list: async (d, o) => assignRecordIds([...(await dns.list(d, o)).map(({ id: _id, ...r }) => r), ...copies]),
        update: async (d, records, o) => {
          if (o?.overwrite) return dns.update(d, records, o);
          const present = await dns.list(d, o);
          for (const r of records) {
            const hit = present.find((p) => p.name === r.name && p.type === r.type && p.content === r.content);
            if (hit)
              copies.push({
                type: hit.type,
                name: hit.name,
                content: hit.content,
                ttl: hit.ttl,
                priority: hit.priority,
              });
            else await dns.create(d, r, o);
          }
        },
      };
    });
    expect(await failures(factory)).toEqual([
      'dns: update merge keeps present records, adds missing ones, and repeating it changes nothing',
    ]);
    expect(
      await failure(
        factory,
        'dns: update merge keeps present records, adds missing ones, and repeating it changes nothing',
      ),
    ).toContain('["192.0.2.10","192.0.2.10","192.0.2.11"]');
  });

  it('an overwrite that replaces every type at the name fails only the overwrite check', async () => {
    const factory = brokenDns((dns) => ({
      update: async (d, records, o) => {
        if (o?.overwrite)
          for (const r of records) for (const t of ['A', 'TXT'] as const) await dns.delete(d, r.name, t);
        return dns.update(d, records, o);
      },
    }));
    expect(await failures(factory)).toEqual(['dns: update overwrite replaces only the named record sets']);
  });

  it('a delete that ignores content fails the two delete-with-content checks', async () => {
    const factory = brokenDns((dns) => ({
      delete: (d, name, type, o) => dns.delete(d, name, type, { signal: o?.signal }),
    }));
    expect(await failures(factory)).toEqual([
      'dns: delete with content removes only that record',
      'dns: delete of a record that is not there succeeds and changes nothing',
    ]);
  });

  it('TXT values listed with their wire quotes fail both TXT checks and the zone round trip', async () => {
    const factory = brokenDns((dns) => ({
      list: async (d, o) =>
        (await dns.list(d, o)).map((r) => (r.type === 'TXT' ? { ...r, content: `"${r.content}"` } : r)),
    }));
    expect(await failures(factory)).toEqual([
      'dns: TXT content round-trips unquoted',
      'dns: a TXT value over 255 bytes, with quotes and a backslash, round-trips',
      'zone: plan → apply → restore leaves the zone as it was',
    ]);
  });

  it('MX priority left in content fails the MX check and the zone round trip', async () => {
    const factory = brokenDns((dns) => ({
      list: async (d, o) =>
        (await dns.list(d, o)).map((r) => (r.type === 'MX' ? { ...r, content: `${r.priority} ${r.content}` } : r)),
    }));
    expect(await failures(factory)).toEqual([
      'dns: MX priority is split out of content',
      'zone: plan → apply → restore leaves the zone as it was',
    ]);
  });

  it('a list that ignores an aborted signal fails the abort check', async () => {
    const factory = brokenDns((dns) => ({ list: (d) => dns.list(d) }));
    expect(await failures(factory)).toEqual([
      'abort: an already-aborted signal rejects testConnection and the list call of every group',
    ]);
  });

  it('a provider without the declared groups, or with a group missing methods, fails the capability check', async () => {
    expect(
      await failures(() => createMemoryProvider({ capabilities: ['dns'] }), { capabilities: ['dns', 'vps'] }),
    ).toEqual(['provider: every group present has every method of its interface']);
    const partial = () => {
      const p = createMemoryProvider();
      const { listDataCenters: _dropped, ...vps } = p.vps!;
      return { ...p, vps: vps as never };
    };
    expect(await failures(partial)).toEqual([
      'provider: every group present has every method of its interface',
      'models: vps.list and listDataCenters return VirtualMachine and DataCenter objects',
      'spending: vps.create with maxPrice 0, or a plan not in the catalog, is refused and creates nothing',
    ]);
  });

  it('purchases that ignore maxPrice fail the spending checks, and the checks say what was bought', async () => {
    const ignoring = () => {
      const p = createMemoryProvider();
      const { domains, vps } = p as Required<typeof p>;
      return {
        ...p,
        domains: { ...domains, purchase: (r: Parameters<typeof domains.purchase>[0]) => domains.purchase(r) },
        vps: { ...vps, create: (r: Parameters<typeof vps.create>[0]) => vps.create(r) },
      };
    };
    expect(await failures(ignoring)).toEqual([
      'spending: domains.purchase with maxPrice refuses a domain that is not available, naming maxPrice',
      'spending: domains.purchase with maxPrice below the price is refused and buys nothing',
      'spending: vps.create with maxPrice 0, or a plan not in the catalog, is refused and creates nothing',
    ]);
    expect(
      await failure(ignoring, 'spending: domains.purchase with maxPrice below the price is refused and buys nothing'),
    ).toContain('should have rejected');
  });

  it('models with camelCase or extra fields fail the model checks, naming the field', async () => {
    const factory = () => {
      const p = createMemoryProvider();
      const domains = p.domains!;
      return {
        ...p,
        domains: {
          ...domains,
          list: async (o?: { signal?: AbortSignal }) =>
            (await domains.list(o)).map(({ expires_at, ...d }) => ({ ...d, expiresAt: expires_at })) as never,
        },
      };
    };
    expect(await failures(factory)).toEqual([
      'models: domains.list, get and checkAvailability return Domain and DomainAvailability objects',
    ]);
    expect(
      await failure(
        factory,
        'models: domains.list, get and checkAvailability return Domain and DomainAvailability objects',
      ),
    ).toContain('expiresAt');
  });

  it('a display-named registry key fails the name check', async () => {
    expect(await failures(() => ({ ...createMemoryProvider(), name: 'My DNS' }))).toEqual([
      'provider: name is a lowercase registry key and displayName a non-empty string',
    ]);
  });

  it('input rules that drift from the shared ones fail the input checks', async () => {
    const factory = (): Provider => {
      const provider = createMemoryProvider();
      const sshKeys = provider.sshKeys!;
      const vps = provider.vps!;
      return {
        ...provider,
        // An 8-character password rule, names defaulted instead of refused, any nameserver list accepted.
        vps: { ...vps, create: (r, o) => vps.create({ ...r, password: r.password.padEnd(12, '!') }, o) },
        sshKeys: { ...sshKeys, add: (name, key, o) => sshKeys.add(name.trim().slice(0, 255) || 'unnamed', key, o) },
        domains: { ...provider.domains!, setNameservers: async () => undefined },
      };
    };
    expect(await failures(factory)).toEqual([
      'inputs: vps.create refuses a password under 12 characters and a bad host name',
      'inputs: sshKeys.add refuses an empty name and one over 255 characters',
      'inputs: domains.setNameservers takes 2 to 4 host names',
    ]);
  });
});
