import type { DnsRecordInput } from '../../core/dns.js';
import { ValidationError } from '../../core/errors.js';
import { CAPABILITY_NAMES } from '../../core/provider.js';
import { isProviderName, PROVIDER_NAME_RULE } from '../../core/provider-config.js';
import type { CapabilityName, Provider } from '../../core/provider.js';
import { normalizeDomain, validateRecords } from '../../core/validation/index.js';
import { createMemoryBilling } from './billing.js';
import { createMemoryDns } from './dns.js';
import { createMemoryDomains } from './domains.js';
import { defaultSeed, defaultZoneRecords, exampleZone } from './seed.js';
import type { MemorySeed } from './seed.js';
import { addKey, createMemorySshKeys } from './ssh-keys.js';
import { checkSignal, copy } from './state.js';
import type { MemoryState } from './state.js';
import { createMemoryVps } from './vps.js';

export type { MemorySeed, MemorySshKeySeed, MemoryTemplate } from './seed.js';

/** Options of {@link createMemoryProvider}. */
export interface MemoryProviderOptions {
  /** Registry key of the provider. @default 'memory' */
  name?: string;
  /** Human name. @default 'Memory' */
  displayName?: string;
  /** The capability groups the provider has; the others are absent (`requireCapability` throws `ErrNotSupported`). @default every group */
  capabilities?: readonly CapabilityName[];
  /** The DNS zones the provider starts with, keyed by domain. @default `example.com` with NS, A, AAAA, CNAME, MX and TXT records */
  zones?: Record<string, DnsRecordInput[]>;
  /** The records of a zone after `dns.reset()` or a domain purchase. @default two NS records (`ns1.example.net`, `ns2.example.net`) */
  defaultRecords?: (domain: string) => DnsRecordInput[];
  /**
   * The account's other contents. `true` seeds a realistic account (a domain per zone, a VM, an SSH
   * key, subscriptions); `false` leaves the account empty but keeps the offerings (catalog, data
   * centers, templates); an object replaces the parts it names.
   * @default true
   */
  seed?: boolean | Partial<MemorySeed>;
  /** Clock for timestamps of purchases and new VMs. @default () => new Date() */
  now?: () => Date;
}

/**
 * Creates an in-memory {@link Provider} that implements every capability group with the SDK's
 * semantics: a stand-in for a real provider in tests, demos and the REST handler's examples.
 * Every provider has its own state; every method honours `signal`.
 *
 * @throws {ValidationError} when a seeded zone, record or SSH key is invalid, or a capability name is unknown.
 * @example
 * ```ts
 * import { createMemoryProvider } from 'setec-hosting/testing';
 *
 * const provider = createMemoryProvider({ zones: { 'example.com': [{ type: 'A', name: '@', content: '192.0.2.1' }] } });
 * await provider.dns!.create('example.com', { type: 'TXT', name: '@', content: 'hello' });
 * console.log(await provider.dns!.list('example.com'));
 * ```
 */
export function createMemoryProvider(options: MemoryProviderOptions = {}): Provider {
  const name = options.name ?? 'memory';
  if (!isProviderName(name)) {
    throw new ValidationError(`Invalid provider name "${name}"`, {
      fields: { name: [PROVIDER_NAME_RULE] },
    });
  }
  const capabilities = options.capabilities ?? CAPABILITY_NAMES;
  for (const c of capabilities) {
    if (!CAPABILITY_NAMES.includes(c)) {
      throw new ValidationError(`Unknown capability "${c}"`, {
        fields: { capabilities: [`must be among ${CAPABILITY_NAMES.join(', ')}`] },
      });
    }
  }
  const state = createState(name, options);
  const groups = {
    dns: createMemoryDns,
    domains: createMemoryDomains,
    vps: createMemoryVps,
    sshKeys: createMemorySshKeys,
    billing: createMemoryBilling,
  } satisfies Record<CapabilityName, (s: MemoryState) => unknown>;

  const provider: { -readonly [K in keyof Provider]: Provider[K] } = {
    name,
    displayName: options.displayName ?? 'Memory',
    async testConnection(callOptions) {
      checkSignal(callOptions);
    },
  };
  // Absent groups are left out entirely (not `undefined`), so `'vps' in provider` tells the truth.
  for (const c of CAPABILITY_NAMES)
    if (capabilities.includes(c)) (provider as Record<string, unknown>)[c] = groups[c](state);
  return provider;
}

function createState(name: string, options: MemoryProviderOptions): MemoryState {
  const zones = new Map<string, ReturnType<typeof validateRecords>>();
  for (const [domain, records] of Object.entries(options.zones ?? { 'example.com': exampleZone() })) {
    zones.set(normalizeDomain(domain, 'zones'), validateRecords(records));
  }
  const partial = typeof options.seed === 'object' ? options.seed : {};
  const defaults = defaultSeed([...zones.keys()]);
  const empty = options.seed === false;
  const seed: MemorySeed = {
    ...defaults,
    ...(empty ? { domains: [], takenDomains: [], vms: [], sshKeys: [], subscriptions: [] } : {}),
    ...copy(partial),
  };
  if (!('domains' in partial) && !empty) for (const d of seed.domains) d.registrar = name;
  const state: MemoryState = {
    provider: name,
    displayName: options.displayName ?? 'Memory',
    zones,
    defaultRecords: options.defaultRecords ?? defaultZoneRecords,
    domains: new Map(seed.domains.map((d) => [normalizeDomain(d.name, 'seed.domains'), d])),
    takenDomains: new Set(seed.takenDomains.map((d) => normalizeDomain(d, 'seed.takenDomains'))),
    vms: seed.vms,
    dataCenters: seed.dataCenters,
    templates: seed.templates,
    sshKeys: [],
    subscriptions: seed.subscriptions,
    catalog: seed.catalog,
    now: options.now ?? (() => new Date()),
    nextId: 100,
  };
  for (const key of seed.sshKeys) addKey(state, key.name, key.public_key);
  return state;
}
