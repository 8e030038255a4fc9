import { createHash } from 'node:crypto';
import { createProgress } from '../core/progress.js';
import type {
  DigitalOceanSimulatorState,
  DoDomain,
  DoImage,
  DoRecordWire,
  DoRegion,
  DoSize,
  DoSshKey,
} from './state.js';

// Fixed timestamps keep every listing deterministic across runs.
const CREATED = '2024-05-02T08:14:09Z';

/** Requests in one rate-limit window (DigitalOcean's hourly limit per token). */
export const RATE_LIMIT = 5000;

/** The name servers DigitalOcean puts at the apex of every zone. */
export const DO_NAME_SERVERS = ['ns1.digitalocean.com', 'ns2.digitalocean.com', 'ns3.digitalocean.com'];

/** `ssh-keygen -l -E md5` without its `MD5:` prefix: the fingerprint form DigitalOcean gives. */
export function md5Fingerprint(publicKey: string): string {
  const blob = Buffer.from(publicKey.trim().split(/\s+/)[1] ?? '', 'base64');
  return createHash('md5')
    .update(blob)
    .digest('hex')
    .replace(/(..)(?!$)/g, '$1:');
}

type RecordSeed = [type: string, name: string, data: string, extra?: Partial<DoRecordWire>];

const record = (id: number, [type, name, data, extra]: RecordSeed): DoRecordWire => ({
  id,
  type,
  name,
  data,
  priority: null,
  port: null,
  ttl: 1800,
  weight: null,
  flags: null,
  tag: null,
  ...extra,
});

/** The records DigitalOcean creates with a zone: the SOA and the three apex NS records. */
export function defaultRecords(nextId: () => number): DoRecordWire[] {
  return [record(nextId(), ['SOA', '@', '1800']), ...DO_NAME_SERVERS.map((ns) => record(nextId(), ['NS', '@', ns]))];
}

const ZONES: Record<string, RecordSeed[]> = {
  'example.com': [
    ['A', '@', '203.0.113.10'],
    ['AAAA', '@', '2001:db8::10'],
    ['CNAME', 'www', 'example.com', { ttl: 3600 }],
    ['MX', '@', 'mx1.example.com', { priority: 10 }],
    ['MX', '@', 'mx2.example.com', { priority: 20 }],
    ['TXT', '@', 'v=spf1 include:_spf.example.com ~all'],
    ['TXT', '_dmarc', 'v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com', { ttl: 3600 }],
    ['SRV', '_sip._tcp', 'sip.example.com', { priority: 10, weight: 5, port: 5060 }],
    ['CAA', '@', 'letsencrypt.org', { flags: 0, tag: 'issue' }],
    ['A', 'app', '203.0.113.20', { ttl: 300 }],
    ['A', 'app', '203.0.113.21', { ttl: 300 }],
  ],
  'setec-demo.org': [
    ['A', '@', '192.0.2.44'],
    ['CNAME', 'blog', 'setec-demo.org'],
  ],
};

const REGIONS: DoRegion[] = [
  ['nyc3', 'New York 3'],
  ['sfo3', 'San Francisco 3'],
  ['ams3', 'Amsterdam 3'],
  ['fra1', 'Frankfurt 1'],
  ['sgp1', 'Singapore 1'],
].map(([slug, name]) => ({
  slug: slug!,
  name: name!,
  features: ['backups', 'ipv6', 'metadata', 'install_agent', 'storage'],
  available: true,
  sizes: ['s-1vcpu-1gb', 's-1vcpu-2gb', 's-2vcpu-4gb', 's-4vcpu-8gb'],
}));

const size = (
  slug: string,
  vcpus: number,
  memory: number,
  disk: number,
  transfer: number,
  monthly: number,
): DoSize => ({
  slug,
  memory,
  vcpus,
  disk,
  transfer,
  price_monthly: monthly,
  price_hourly: Math.round((monthly / 672) * 100000) / 100000,
  regions: REGIONS.map((r) => r.slug),
  available: true,
  description: 'Basic',
});

const SIZES: DoSize[] = [
  size('s-1vcpu-1gb', 1, 1024, 25, 1, 6),
  size('s-1vcpu-2gb', 1, 2048, 50, 2, 12),
  size('s-2vcpu-4gb', 2, 4096, 80, 4, 24),
  size('s-4vcpu-8gb', 4, 8192, 160, 5, 48),
  { ...size('s-8vcpu-16gb', 8, 16384, 320, 6, 96), available: false, regions: [] },
];

const image = (id: number, distribution: string, name: string, slug: string): DoImage => ({
  id,
  name,
  type: 'base',
  distribution,
  slug,
  public: true,
  regions: REGIONS.map((r) => r.slug),
  created_at: CREATED,
  min_disk_size: 15,
  size_gigabytes: 2.36,
  description: `${distribution} ${name} x64`,
  tags: [],
  status: 'available',
  error_message: '',
});

const IMAGES: DoImage[] = [
  image(129211873, 'Ubuntu', '22.04 (LTS) x64', 'ubuntu-22-04-x64'),
  image(159651797, 'Ubuntu', '24.04 (LTS) x64', 'ubuntu-24-04-x64'),
  image(137677018, 'Debian', '12 x64', 'debian-12-x64'),
  image(147963539, 'Fedora', '40 x64', 'fedora-40-x64'),
  image(148215537, 'Rocky Linux', '9 x64', 'rockylinux-9-x64'),
];

const SSH_KEYS: Omit<DoSshKey, 'fingerprint'>[] = [
  {
    id: 289794,
    name: 'laptop',
    public_key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICuCzGwjogo5jz2uHc3rmPjgnaUXY7yIKW8fbi/Uh2S9 user1@laptop',
  },
  {
    id: 289795,
    name: 'ci-deploy',
    public_key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG7D/Phdvg7LLQlcHd0j2ywi3TJ+u9wjXOaoLgh/cvMo user2@laptop',
  },
];

/**
 * A fresh account. Seeded: zones `example.com` and `setec-demo.org`, droplets `web-1` (active) and
 * `db-1` (off), two SSH keys. Regions, sizes and images are there either way.
 */
export function createDoState(seed: boolean): DigitalOceanSimulatorState {
  const state: DigitalOceanSimulatorState = {
    domains: new Map(),
    droplets: new Map(),
    actions: [],
    snapshots: [],
    progress: createProgress((id, status, settled) => {
      const droplet = state.droplets.get(id);
      if (droplet) Object.assign(droplet, { status, locked: !settled });
    }),
    sshKeys: new Map(),
    regions: structuredClone(REGIONS),
    sizes: structuredClone(SIZES),
    images: structuredClone(IMAGES),
    rateLimitRemaining: RATE_LIMIT,
    nextId: 3000001,
  };
  if (!seed) return state;
  const nextId = () => state.nextId++;
  for (const [name, seeds] of Object.entries(ZONES)) {
    const zone: DoDomain = { name, ttl: 1800, records: defaultRecords(nextId) };
    for (const s of seeds) zone.records.push(record(nextId(), s));
    state.domains.set(name, zone);
  }
  for (const key of SSH_KEYS) state.sshKeys.set(key.id, { ...key, fingerprint: md5Fingerprint(key.public_key) });
  const droplet = { locked: false, created_at: CREATED, image_id: IMAGES[0]!.id, tags: [], readsUntilActive: 0 };
  state.droplets.set(3164444, {
    ...droplet,
    id: 3164444,
    name: 'web-1',
    status: 'active',
    size_slug: 's-1vcpu-1gb',
    region_slug: 'nyc3',
    ssh_key_ids: [289794],
    ipv4: '104.236.32.182',
    ipv6: '2604:a880:0:1010::18a:a001',
  });
  state.droplets.set(3164450, {
    ...droplet,
    id: 3164450,
    name: 'db-1',
    status: 'off',
    size_slug: 's-2vcpu-4gb',
    region_slug: 'ams3',
    ssh_key_ids: [],
    ipv4: '188.166.10.20',
    ipv6: null,
  });
  return state;
}
