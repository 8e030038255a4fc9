import type {
  SimDataCenter,
  SimDomain,
  SimPaymentMethod,
  SimPublicKey,
  SimRRsetWire,
  SimTemplate,
  SimVirtualMachine,
  SimulatorState,
} from './state.js';

import { createProgress } from '../core/progress.js';
import { seedCatalog, seedSubscriptions } from './seed-billing.js';
import { CREATED, UPDATED } from './seed-times.js';

const rrset = (name: string, type: string, ttl: number, contents: string[]): SimRRsetWire => ({
  name,
  type,
  ttl,
  records: contents.map((content) => ({ content, is_disabled: false })),
});

/** The zone Hostinger creates for a new domain (also what `POST /reset` restores for unseeded domains). */
export function defaultZone(domain: string): SimRRsetWire[] {
  return [
    rrset('@', 'A', 14400, ['2.57.91.91']),
    rrset('www', 'CNAME', 14400, [`${domain}.`]),
    rrset('@', 'MX', 14400, ['5 mx1.hostinger.com', '10 mx2.hostinger.com']),
    rrset('@', 'TXT', 3600, ['"v=spf1 include:_spf.mail.hostinger.com ~all"']),
    rrset('@', 'NS', 86400, ['ns1.dns-parking.com', 'ns2.dns-parking.com']),
  ];
}

const SEED_ZONES: Record<string, SimRRsetWire[]> = {
  'example.com': [
    rrset('@', 'A', 14400, ['203.0.113.10']),
    rrset('@', 'AAAA', 14400, ['2001:db8::10']),
    rrset('www', 'CNAME', 3600, ['example.com.']),
    rrset('@', 'MX', 14400, ['10 mx1.example.com', '20 mx2.example.com']),
    rrset('@', 'TXT', 14400, ['"v=spf1 include:_spf.example.com ~all"', '"google-site-verification=abc123"']),
    rrset('_dmarc', 'TXT', 3600, ['"v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com"']),
    rrset('_sip._tcp', 'SRV', 14400, ['10 5 5060 sip.example.com']),
    rrset('@', 'CAA', 14400, ['0 issue letsencrypt.org']),
    rrset('@', 'NS', 86400, ['ns1.dns-parking.com', 'ns2.dns-parking.com']),
    rrset('app', 'A', 300, ['203.0.113.20', '203.0.113.21']),
  ],
  'example.net': [
    rrset('@', 'A', 14400, ['198.51.100.5']),
    rrset('www', 'CNAME', 14400, ['example.net']),
    rrset('@', 'MX', 14400, ['5 mx1.hostinger.com', '10 mx2.hostinger.com']),
    rrset('@', 'TXT', 3600, ['"v=spf1 include:_spf.mail.hostinger.com ~all"']),
  ],
  'setec-demo.org': [
    rrset('@', 'A', 14400, ['192.0.2.44']),
    rrset('@', 'AAAA', 14400, ['2001:db8:44::1']),
    rrset('blog', 'CNAME', 14400, ['setec-demo.org.']),
    rrset('@', 'CAA', 14400, ['0 issuewild ";"']),
  ],
};

function seedDomains(): SimDomain[] {
  const base = {
    type: 'domain' as const,
    status: 'active' as const,
    is_privacy_protection_allowed: true,
    is_lockable: true,
    name_servers: { ns1: 'ns1.dns-parking.com', ns2: 'ns2.dns-parking.com' },
    domain_contacts: { owner_id: 614698, admin_id: 614698, billing_id: 614698, tech_id: 614698 },
    created_at: CREATED,
    updated_at: UPDATED,
    registered_at: CREATED,
  };
  return [
    {
      ...base,
      id: 13632,
      domain: 'example.com',
      is_privacy_protected: true,
      is_locked: true,
      expires_at: '2026-03-14T09:26:53Z',
    },
    {
      ...base,
      id: 13633,
      domain: 'example.net',
      is_privacy_protected: false,
      is_locked: false,
      expires_at: '2025-11-02T00:00:00Z',
    },
    {
      ...base,
      id: 13701,
      domain: 'setec-demo.org',
      is_privacy_protected: true,
      is_locked: true,
      name_servers: { ns1: 'ns1.cloudflare.com', ns2: 'ns2.cloudflare.com' },
      expires_at: '2027-06-30T12:00:00Z',
    },
  ];
}

const DATA_CENTERS: SimDataCenter[] = [
  { id: 9, name: 'phx', location: 'us', city: 'Phoenix', continent: 'North America' },
  { id: 17, name: 'bos', location: 'us', city: 'Boston', continent: 'North America' },
  { id: 19, name: 'ams', location: 'nl', city: 'Amsterdam', continent: 'Europe' },
  { id: 21, name: 'fra', location: 'de', city: 'Frankfurt', continent: 'Europe' },
  { id: 29, name: 'sgp', location: 'sg', city: 'Singapore', continent: 'Asia' },
];

const TEMPLATES: SimTemplate[] = [
  { id: 1002, name: 'Ubuntu 22.04', description: 'Ubuntu 22.04 LTS 64bit', documentation: 'https://docs.ubuntu.com' },
  { id: 1077, name: 'Ubuntu 24.04', description: 'Ubuntu 24.04 LTS 64bit', documentation: 'https://docs.ubuntu.com' },
  {
    id: 1130,
    name: 'Debian 12',
    description: 'Debian 12 (bookworm) 64bit',
    documentation: 'https://www.debian.org/doc/',
  },
  { id: 1121, name: 'AlmaLinux 9', description: 'AlmaLinux 9 64bit', documentation: null },
  { id: 1052, name: 'Ubuntu 22.04 with Docker', description: 'Ubuntu 22.04 64bit with Docker', documentation: null },
];

const PUBLIC_KEYS: SimPublicKey[] = [
  {
    id: 325,
    name: 'laptop',
    key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICuCzGwjogo5jz2uHc3rmPjgnaUXY7yIKW8fbi/Uh2S9 user1@laptop',
  },
  {
    id: 326,
    name: 'ci-deploy',
    key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG7D/Phdvg7LLQlcHd0j2ywi3TJ+u9wjXOaoLgh/cvMo user2@laptop',
  },
  {
    id: 411,
    name: 'backup-host',
    key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAi+J4+AhW2JNQz6e7G+bVPotYExKNesowG2E4EGLmwB user3@laptop',
  },
];

const PAYMENT_METHODS: SimPaymentMethod[] = [
  {
    id: 1327362,
    name: 'Credit Card',
    identifier: '4242*****4242',
    payment_method: 'card',
    is_default: true,
    is_expired: false,
    is_suspended: false,
    created_at: CREATED,
    expires_at: '2028-09-30T23:59:59Z',
  },
  {
    id: 1327380,
    name: 'PayPal',
    identifier: 'j***@example.com',
    payment_method: 'paypal',
    is_default: false,
    is_expired: false,
    is_suspended: false,
    created_at: UPDATED,
    expires_at: '2030-01-01T00:00:00Z',
  },
  {
    id: 1290001,
    name: 'Credit Card',
    identifier: '5555*****4444',
    payment_method: 'card',
    is_default: false,
    is_expired: true,
    is_suspended: false,
    created_at: '2021-02-01T10:00:00Z',
    expires_at: '2024-01-31T23:59:59Z',
  },
];

function seedVms(): SimVirtualMachine[] {
  const ubuntu = TEMPLATES[0]!;
  const debian = TEMPLATES[2]!;
  return [
    {
      id: 1268054,
      firewall_group_id: null,
      subscription_id: 'Azz353Uhl1xC54pR0',
      data_center_id: 19,
      plan: 'KVM 2',
      hostname: 'srv1268054.hstgr.cloud',
      state: 'running',
      actions_lock: 'unlocked',
      cpus: 2,
      memory: 8192,
      disk: 102400,
      bandwidth: 8388608,
      ns1: '1.1.1.1',
      ns2: '8.8.8.8',
      ipv4: [{ id: 52347, address: '203.0.113.77', ptr: 'srv1268054.hstgr.cloud' }],
      ipv6: [{ id: 52348, address: '2001:db8:77::1', ptr: null }],
      template: { ...ubuntu },
      created_at: '2024-09-05T07:25:36Z',
    },
    {
      id: 1301991,
      firewall_group_id: 8812,
      subscription_id: 'Azz36nUfKX1S1MSF',
      data_center_id: 9,
      plan: 'KVM 4',
      hostname: 'db.example.com',
      state: 'stopped',
      actions_lock: 'unlocked',
      cpus: 4,
      memory: 16384,
      disk: 204800,
      bandwidth: 16777216,
      ns1: null,
      ns2: null,
      ipv4: [{ id: 52611, address: '198.51.100.31', ptr: null }],
      ipv6: null,
      template: { ...debian },
      created_at: '2025-01-11T18:40:02Z',
    },
  ];
}

const clone = <T>(value: T): T => structuredClone(value);

/** Builds a fresh account: the seeded one, or an empty one (still with catalog, data centers, templates and payment methods). */
export function createState(seed: boolean): SimulatorState {
  const zones = new Map<string, SimRRsetWire[]>();
  const defaultZones = new Map<string, SimRRsetWire[]>();
  const domains = new Map<string, SimDomain>();
  const vms = new Map<number, SimVirtualMachine>();
  const publicKeys = new Map<number, SimPublicKey>();
  const vmKeys = new Map<number, number[]>();
  if (seed) {
    for (const domain of seedDomains()) domains.set(domain.domain, domain);
    for (const [domain, zone] of Object.entries(SEED_ZONES)) {
      zones.set(domain, clone(zone));
      defaultZones.set(domain, clone(zone));
    }
    for (const vm of seedVms()) vms.set(vm.id, vm);
    for (const key of PUBLIC_KEYS) publicKeys.set(key.id, { ...key });
    vmKeys.set(1268054, [325]);
  }
  const progress = createProgress((id, status, settled) => {
    const vm = vms.get(id);
    if (vm) Object.assign(vm, { state: status, actions_lock: settled ? 'unlocked' : 'locked' });
  });
  return {
    zones,
    defaultZones,
    domains,
    takenDomains: new Set(['google.com', 'hostinger.com', 'taken.com', 'taken.net', 'example.org']),
    vms,
    vmKeys,
    vmSnapshots: new Map(),
    postInstallScripts: new Map(),
    vmActions: new Map(),
    progress,
    dataCenters: clone(DATA_CENTERS),
    templates: clone(TEMPLATES),
    publicKeys,
    subscriptions: seed ? seedSubscriptions() : [],
    catalog: seedCatalog(),
    paymentMethods: clone(PAYMENT_METHODS),
    orders: [],
    paymentPending: false,
    nextId: 2_000_001,
  };
}
