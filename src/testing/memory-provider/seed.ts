import type { CatalogItem, Subscription } from '../../core/billing.js';
import type { DnsRecordInput } from '../../core/dns.js';
import type { Domain } from '../../core/domains.js';
import type { DataCenter, VirtualMachine } from '../../core/vps.js';

/** An OS template a memory VM can be created from. */
export interface MemoryTemplate {
  id: string;
  name: string;
}

/** An SSH key to seed: its fingerprint is computed, its id assigned. */
export interface MemorySshKeySeed {
  name: string;
  public_key: string;
}

/**
 * The account a memory provider starts with. Every part is optional in
 * {@link MemoryProviderOptions.seed}; a missing part takes the default below.
 */
export interface MemorySeed {
  /** @default one active domain per seeded zone */
  domains: Domain[];
  /** Names `domains.checkAvailability` reports as taken (besides the account's own). @default ['example.net', 'example.org'] */
  takenDomains: string[];
  /** @default one running "KVM 2" machine */
  vms: VirtualMachine[];
  /** @default New York and Amsterdam */
  dataCenters: DataCenter[];
  /** @default Ubuntu 22.04, Ubuntu 24.04, Debian 12 */
  templates: MemoryTemplate[];
  /** @default one ed25519 key named `laptop` */
  sshKeys: MemorySshKeySeed[];
  /** @default the VM's and the domain's subscriptions */
  subscriptions: Subscription[];
  /** @default KVM 1/KVM 2 monthly and yearly, `.com` and `.net` domains yearly */
  catalog: CatalogItem[];
}

/** The nameservers of a new or reset zone. */
export const DEFAULT_NAMESERVERS = ['ns1.example.net', 'ns2.example.net'];

/** The records a zone gets when created by a purchase or reset: the provider's two nameservers. */
export function defaultZoneRecords(): DnsRecordInput[] {
  return DEFAULT_NAMESERVERS.map((content) => ({ type: 'NS', name: '@', content, ttl: 86400 }));
}

/** The zone `example.com` starts with: one record of most types. */
export function exampleZone(): DnsRecordInput[] {
  return [
    ...defaultZoneRecords(),
    { type: 'A', name: '@', content: '192.0.2.10', ttl: 3600 },
    { type: 'AAAA', name: '@', content: '2001:db8::10', ttl: 3600 },
    { type: 'CNAME', name: 'www', content: 'example.com', ttl: 3600 },
    { type: 'MX', name: '@', content: 'mail.example.com', priority: 10, ttl: 3600 },
    { type: 'TXT', name: '@', content: 'v=spf1 mx ~all', ttl: 3600 },
  ];
}

const CREATED = '2024-01-15T10:00:00.000Z';

/** The default account, built fresh for every provider so providers never share state. */
export function defaultSeed(domainNames: readonly string[]): MemorySeed {
  return {
    domains: domainNames.map((name) => ({
      name,
      registrar: 'memory',
      status: 'active',
      expires_at: '2030-01-15T10:00:00.000Z',
      auto_renew: true,
      locked: true,
      privacy_protection: true,
      nameservers: [...DEFAULT_NAMESERVERS],
    })),
    takenDomains: ['example.net', 'example.org'],
    vms: [
      {
        id: '1',
        name: 'web-1.example.com',
        status: 'running',
        plan: 'memory-vps-kvm-2-usd-1m',
        region: 'us-nyc',
        ipv4: '203.0.113.1',
        ipv6: '2001:db8:1::1',
        os: 'Ubuntu 22.04',
        cpus: 2,
        memory_mb: 8192,
        disk_gb: 100,
        bandwidth_gb: 8000,
        created_at: CREATED,
      },
    ],
    dataCenters: [
      { id: 'us-nyc', name: 'us-nyc', location: 'New York', country: 'US' },
      { id: 'nl-ams', name: 'nl-ams', location: 'Amsterdam', country: 'NL' },
    ],
    templates: [
      { id: '1001', name: 'Ubuntu 22.04' },
      { id: '1002', name: 'Ubuntu 24.04' },
      { id: '1003', name: 'Debian 12' },
    ],
    sshKeys: [
      {
        name: 'laptop',
        public_key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKYZhQOSM6lnVQVr1D7UM8VPoGJ8niBpQ07h3WaLVbzw laptop@memory',
      },
    ],
    subscriptions: [
      {
        id: 'sub-1',
        name: 'KVM 2',
        status: 'active',
        plan: 'memory-vps-kvm-2-usd-1m',
        price: 9.99,
        currency: 'USD',
        renews_at: '2025-02-15T10:00:00.000Z',
        created_at: CREATED,
        period: 'monthly',
      },
      ...domainNames.map((name, i) => ({
        id: `sub-${i + 2}`,
        name,
        status: 'active',
        plan: 'memory-domain-com-usd-1y',
        price: 9.99,
        currency: 'USD',
        renews_at: '2030-01-15T10:00:00.000Z',
        created_at: CREATED,
        period: 'yearly',
      })),
    ],
    catalog: [
      {
        id: 'memory-vps-kvm-1-usd-1m',
        name: 'KVM 1',
        category: 'VPS',
        price_cents: 699,
        currency: 'USD',
        period: 'monthly',
        description: '1 vCPU, 4 GB RAM, 50 GB disk',
      },
      {
        id: 'memory-vps-kvm-1-usd-1y',
        name: 'KVM 1',
        category: 'VPS',
        price_cents: 5988,
        currency: 'USD',
        period: 'yearly',
        description: '1 vCPU, 4 GB RAM, 50 GB disk',
      },
      {
        id: 'memory-vps-kvm-2-usd-1m',
        name: 'KVM 2',
        category: 'VPS',
        price_cents: 999,
        currency: 'USD',
        period: 'monthly',
        description: '2 vCPU, 8 GB RAM, 100 GB disk',
      },
      {
        id: 'memory-vps-kvm-2-usd-1y',
        name: 'KVM 2',
        category: 'VPS',
        price_cents: 8388,
        currency: 'USD',
        period: 'yearly',
        description: '2 vCPU, 8 GB RAM, 100 GB disk',
      },
      {
        id: 'memory-domain-com-usd-1y',
        name: '.com domain',
        category: 'DOMAIN',
        price_cents: 999,
        currency: 'USD',
        period: 'yearly',
      },
      {
        id: 'memory-domain-net-usd-1y',
        name: '.net domain',
        category: 'DOMAIN',
        price_cents: 1299,
        currency: 'USD',
        period: 'yearly',
      },
    ],
  };
}
