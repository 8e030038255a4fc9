/**
 * A DNS-only provider plugin for an HTTP API, written only against `setec-hosting` and
 * `setec-hosting/provider-kit`: an `AdapterSpec` (names, origin, error bodies, how the key is sent), a
 * zone `read` and a record-set `write`. The kit adds everything else: validation, ids, create/merge/
 * overwrite/delete rules, retries with `Retry-After`, error classes and key-free errors.
 *
 * The API it speaks ("Pocket DNS", fictional) keeps record sets:
 *   GET   /v1/zones/{zone}/rrsets → [{ name, type, ttl, records: [{ content, priority? }] }]
 *   PATCH /v1/zones/{zone}/rrsets  { replace: [...sets], delete: [{ name, type }] }   (applied at once)
 *   errors: { error: string, request_id?: string }; the key goes in `X-API-Key`.
 * test/provider-kit/http-dns-plugin.test.ts runs the conformance kit on it against a local server.
 */
import type { DnsRecordInput, DnsRecordType, Provider } from 'setec-hosting';
import {
  adapterDefinition,
  createAdapterClient,
  createDnsCapability,
  domainPath,
  wireSchema,
  type AdapterOptions,
  type AdapterSpec,
} from 'setec-hosting/provider-kit';

/** Pocket DNS as the kit's HTTP client sees it. */
export const pocketDnsSpec: AdapterSpec = {
  name: 'pocketdns',
  displayName: 'Pocket DNS',
  defaultBaseUrl: 'https://api.pocketdns.example',
  authHeader: 'X-API-Key',
  readErrorBody(text) {
    try {
      const body = JSON.parse(text) as { error?: unknown; request_id?: unknown };
      return {
        ...(typeof body.error === 'string' ? { message: body.error } : {}),
        ...(typeof body.request_id === 'string' ? { correlationId: body.request_id } : {}),
      };
    } catch {
      return { message: text.split('\n')[0] ?? '' };
    }
  },
};

interface RRset {
  name: string;
  type: DnsRecordType;
  ttl: number;
  records: Array<{ content: string; priority?: number }>;
}

/** The answer of the zone GET: a list of sets, each with a name, a type, a TTL and records. */
const RRsets = wireSchema<RRset[]>((value) => {
  if (!Array.isArray(value)) return [];
  const bad = value.findIndex(
    (s: Partial<RRset>) => typeof s?.name !== 'string' || typeof s.type !== 'string' || !Array.isArray(s.records),
  );
  return bad === -1 ? undefined : [bad];
});

/** A Pocket DNS provider for one account. */
export function createPocketDnsProvider(options: AdapterOptions): Provider {
  const client = createAdapterClient(pocketDnsSpec, options);
  const path = (zone: string) => domainPath('v1/zones', zone, 'domain', 'rrsets');
  const dns = createDnsCapability({
    provider: 'pocketdns',
    async read(zone, o): Promise<DnsRecordInput[]> {
      const sets = await client.request({ method: 'GET', path: path(zone), schema: RRsets, signal: o?.signal });
      return sets.flatMap((s) => s.records.map((r) => ({ ...r, name: s.name, type: s.type, ttl: s.ttl })));
    },
    async write(zone, changes, o) {
      // One PATCH replaces every changed set at once: sending it twice gives the same zone.
      await client.request({ method: 'PATCH', path: path(zone), json: changes, idempotent: true, signal: o?.signal });
    },
  });
  return {
    name: 'pocketdns',
    displayName: 'Pocket DNS',
    async testConnection(o) {
      await client.request({ method: 'GET', path: 'v1/zones', signal: o?.signal });
    },
    dns,
  };
}

/** The registry entry: `api_key` is the key, `extra.base_url` the API origin. */
export const pocketDns = adapterDefinition(
  {
    name: 'pocketdns',
    displayName: 'Pocket DNS',
    extraFields: [{ name: 'base_url', label: 'API base URL (optional)' }],
  },
  createPocketDnsProvider,
);
