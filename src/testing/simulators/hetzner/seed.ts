import { createHash } from 'node:crypto';
import type {
  HetznerSimulatorState,
  HzImage,
  HzLocation,
  HzRRSet,
  HzServer,
  HzServerType,
  HzSshKey,
  HzZone,
} from './state.js';

// Fixed timestamps keep every listing deterministic across runs.
const CREATED = '2026-05-02T08:14:09Z';

/** Requests per hour of a project (Hetzner's default budget). */
export const RATE_LIMIT = 3600;

/** The name servers Hetzner assigns to every zone. */
export const HZ_NAME_SERVERS = ['hydrogen.ns.hetzner.com', 'oxygen.ns.hetzner.com', 'helium.ns.hetzner.de'];

/** `ssh-keygen -l -E md5` without its `MD5:` prefix: the fingerprint form Hetzner gives. */
export function md5Fingerprint(publicKey: string): string {
  const blob = Buffer.from(publicKey.trim().split(/\s+/)[1] ?? '', 'base64');
  return createHash('md5')
    .update(blob)
    .digest('hex')
    .replace(/(..)(?!$)/g, '$1:');
}

const set = (name: string, type: string, values: string[], ttl: number | null = null): HzRRSet => ({
  name,
  type,
  ttl,
  labels: {},
  protection: { change: false },
  records: values.map((value) => ({ value, comment: '' })),
});

/** The sets Hetzner creates with a zone: the SOA and the three apex NS records. */
export function defaultSets(zone: string): Map<string, HzRRSet> {
  const soa = `${HZ_NAME_SERVERS[0]}. dns.hetzner.com. 2026050201 86400 10800 3600000 3600`;
  const sets = [
    set('@', 'SOA', [soa]),
    set(
      '@',
      'NS',
      HZ_NAME_SERVERS.map((ns) => `${ns}.`),
    ),
  ];
  void zone;
  return new Map(sets.map((s) => [`${s.name}/${s.type}`, s]));
}

const ZONES: Record<string, HzRRSet[]> = {
  'example.com': [
    set('@', 'A', ['203.0.113.10']),
    set('@', 'AAAA', ['2001:db8::10']),
    set('www', 'CNAME', ['example.com.'], 3600),
    set('@', 'MX', ['10 mx1.example.com.', '20 mx2.example.com.']),
    set('@', 'TXT', ['"v=spf1 include:_spf.example.com ~all"']),
    set('_dmarc', 'TXT', ['"v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com"'], 3600),
    set('_sip._tcp', 'SRV', ['10 5 5060 sip.example.com.']),
    set('@', 'CAA', ['0 issue "letsencrypt.org"']),
    set('app', 'A', ['203.0.113.20', '203.0.113.21'], 300),
  ],
  'setec-demo.org': [set('@', 'A', ['192.0.2.44']), set('blog', 'CNAME', ['setec-demo.org.'])],
};

const LOCATIONS: HzLocation[] = [
  [1, 'fsn1', 'Falkenstein DC Park 1', 'DE', 'Falkenstein', 50.47612, 12.370071, 'eu-central'],
  [2, 'nbg1', 'Nuremberg DC Park 1', 'DE', 'Nuremberg', 49.452102, 11.076665, 'eu-central'],
  [3, 'hel1', 'Helsinki DC Park 1', 'FI', 'Helsinki', 60.169855, 24.938379, 'eu-central'],
  [4, 'ash', 'Ashburn, VA', 'US', 'Ashburn, VA', 39.045821, -77.487073, 'us-east'],
].map(([id, name, description, country, city, latitude, longitude, network_zone]) => ({
  id: id as number,
  name: name as string,
  description: description as string,
  country: country as string,
  city: city as string,
  latitude: latitude as number,
  longitude: longitude as number,
  network_zone: network_zone as string,
}));

const euro = (net: number) => ({ net: net.toFixed(10), gross: (net * 1.19).toFixed(16) });
const TIB = 1024 ** 4;

function serverType(
  id: number,
  name: string,
  [cores, memory, disk]: [number, number, number],
  architecture: 'x86' | 'arm',
  monthlyNet: number,
  locations: string[],
): HzServerType {
  return {
    id,
    name,
    description: name.toUpperCase(),
    cores,
    memory,
    disk,
    cpu_type: 'shared',
    storage_type: 'local',
    architecture,
    locations,
    prices: locations.map((location) => ({
      location,
      price_hourly: euro(monthlyNet / 730),
      // The US location costs a little more, as Hetzner's does.
      price_monthly: euro(location === 'ash' ? monthlyNet + 0.5 : monthlyNet),
      price_per_tb_traffic: euro(1),
      included_traffic: (location === 'ash' ? 1 : 20) * TIB,
    })),
  };
}

const SERVER_TYPES: HzServerType[] = [
  serverType(22, 'cx22', [2, 4, 40], 'x86', 3.79, ['fsn1', 'nbg1', 'hel1']),
  serverType(104, 'cpx22', [2, 4, 80], 'x86', 7.55, ['fsn1', 'nbg1', 'hel1', 'ash']),
  serverType(45, 'cax11', [2, 4, 40], 'arm', 3.79, ['fsn1', 'nbg1', 'hel1']),
];

const IMAGES: HzImage[] = [
  [161547269, 'ubuntu-24.04', 'Ubuntu 24.04', 'ubuntu', '24.04', 'x86'],
  [161547270, 'ubuntu-24.04', 'Ubuntu 24.04', 'ubuntu', '24.04', 'arm'],
  [114690387, 'debian-12', 'Debian 12', 'debian', '12', 'x86'],
  [114690389, 'debian-12', 'Debian 12', 'debian', '12', 'arm'],
].map(([id, name, description, os_flavor, os_version, architecture]) => ({
  id: id as number,
  name: name as string,
  description: description as string,
  os_flavor: os_flavor as string,
  os_version: os_version as string,
  architecture: architecture as 'x86' | 'arm',
  type: 'system' as const,
}));

const KEYS: Array<[number, string, string]> = [
  [2323, 'laptop', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICuCzGwjogo5jz2uHc3rmPjgnaUXY7yIKW8fbi/Uh2S9 user1@laptop'],
  [2324, 'ci', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG7D/Phdvg7LLQlcHd0j2ywi3TJ+u9wjXOaoLgh/cvMo user2@ci'],
];

const SERVERS: HzServer[] = [
  [42, 'web-1', 'running', 'cx22', 'fsn1', 161547269, '203.0.113.42', '2001:db8:42::/64'],
  [43, 'db-1', 'off', 'cpx22', 'nbg1', 114690387, '203.0.113.43', '2001:db8:43::/64'],
].map(([id, name, status, type, location, image, ipv4, ipv6]) => ({
  id: id as number,
  name: name as string,
  status: status as HzServer['status'],
  created: CREATED,
  server_type: type as string,
  location: location as string,
  image_id: image as number,
  ssh_keys: [],
  labels: {},
  ipv4: ipv4 as string,
  ipv6: ipv6 as string,
  locked: false,
  protection: { delete: false, rebuild: false },
}));

/** A fresh project: seeded (two zones, two servers, two keys) or empty; the catalogue is always there. */
export function createHzState(seed: boolean): HetznerSimulatorState {
  let nextId = 1_000_000;
  const zones = new Map<string, HzZone>();
  const sshKeys = new Map<number, HzSshKey>();
  const servers = new Map<number, HzServer>();
  if (seed) {
    for (const [name, sets] of Object.entries(ZONES)) {
      const rrsets = defaultSets(name);
      for (const s of sets) rrsets.set(`${s.name}/${s.type}`, structuredClone(s));
      zones.set(name, {
        id: nextId++,
        name,
        mode: 'primary',
        ttl: 3600,
        created: CREATED,
        labels: {},
        protection: { delete: false },
        rrsets,
      });
    }
    for (const [id, name, public_key] of KEYS)
      sshKeys.set(id, { id, name, public_key, fingerprint: md5Fingerprint(public_key), labels: {}, created: CREATED });
    for (const s of SERVERS) servers.set(s.id, structuredClone(s));
  }
  return {
    zones,
    actions: new Map(),
    servers,
    sshKeys,
    locations: structuredClone(LOCATIONS),
    serverTypes: structuredClone(SERVER_TYPES),
    images: structuredClone(IMAGES),
    currency: 'EUR',
    vatRate: '19.00',
    actionPolls: 2,
    zoneLocks: false,
    failActions: [],
    rateLimit: RATE_LIMIT,
    rateLimitRemaining: RATE_LIMIT,
    nextId,
  };
}
