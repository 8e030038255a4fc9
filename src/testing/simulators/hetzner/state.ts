/** Wire shapes the Hetzner simulator stores and serves; field names are Hetzner's (snake_case). */

/** One record of a set: its zone-file value and a comment (`''` when none). */
export interface HzRecord {
  value: string;
  comment: string;
}

/** A record set (RRSet): every record of one name and type, one TTL (`null`: the zone's default). */
export interface HzRRSet {
  /** Relative to the zone; `@` is the apex. */
  name: string;
  type: string;
  ttl: number | null;
  labels: Record<string, string>;
  protection: { change: boolean };
  records: HzRecord[];
}

/** A DNS zone. */
export interface HzZone {
  id: number;
  name: string;
  mode: 'primary' | 'secondary';
  /** The default TTL of sets whose `ttl` is `null`. */
  ttl: number;
  created: string;
  labels: Record<string, string>;
  protection: { delete: boolean };
  /** Sets by `name/TYPE` (Hetzner's rrset id). */
  rrsets: Map<string, HzRRSet>;
}

/** An action: `running` for `pollsLeft` more reads, then `success` (or `error` when `fails` names a code). */
export interface HzAction {
  id: number;
  command: string;
  status: 'running' | 'success' | 'error';
  progress: number;
  started: string;
  finished: string | null;
  resources: Array<{ id: number; type: string }>;
  error: { code: string; message: string } | null;
  /** Reads left that still answer `running`. */
  pollsLeft: number;
  /** The error code the action ends with instead of `success`. */
  fails?: string;
}

/** A location (`fsn1`). */
export interface HzLocation {
  id: number;
  name: string;
  description: string;
  country: string;
  city: string;
  latitude: number;
  longitude: number;
  network_zone: string;
}

/** A price per location, decimal strings as Hetzner sends them. */
export interface HzPrice {
  location: string;
  price_hourly: { net: string; gross: string };
  price_monthly: { net: string; gross: string };
  price_per_tb_traffic: { net: string; gross: string };
  included_traffic: number;
}

/** A server type (plan). */
export interface HzServerType {
  id: number;
  name: string;
  description: string;
  cores: number;
  memory: number;
  disk: number;
  cpu_type: 'shared' | 'dedicated';
  storage_type: 'local' | 'network';
  architecture: 'x86' | 'arm';
  /** Location names where it is offered. */
  locations: string[];
  prices: HzPrice[];
}

/** A system image; x86 and arm builds share one name. */
export interface HzImage {
  id: number;
  name: string;
  description: string;
  os_flavor: string;
  os_version: string;
  architecture: 'x86' | 'arm';
  type: 'system' | 'snapshot' | 'backup' | 'app';
  /** The server a snapshot was taken from. */
  created_from?: { id: number; name: string };
  /** ISO-8601; when absent, the fixed creation time every preset image of the simulator reports. */
  created?: string;
  /** GB of a snapshot. */
  image_size?: number;
}

/** A server as stored; served with its type, location and image expanded. */
export interface HzServer {
  id: number;
  name: string;
  status: 'initializing' | 'starting' | 'running' | 'stopping' | 'off' | 'deleting' | 'rebuilding';
  created: string;
  server_type: string;
  location: string;
  image_id: number;
  ssh_keys: number[];
  user_data?: string;
  labels: Record<string, string>;
  ipv4: string;
  ipv6: string;
  locked: boolean;
  protection: { delete: boolean; rebuild: boolean };
  /**
   * A status change under way: once every one of `actions` has ended (reads of the server or of the
   * actions move them on), the server takes `status`.
   */
  pending?: { actions: number[]; status: HzServer['status'] };
}

/** An SSH key (`fingerprint` in Hetzner's MD5 colon form). */
export interface HzSshKey {
  id: number;
  name: string;
  fingerprint: string;
  public_key: string;
  labels: Record<string, string>;
  created: string;
}

/** The whole simulated project. Mutate it freely in tests; `reset()` rebuilds the ready-made project. */
export interface HetznerSimulatorState {
  /** Zones by name. */
  zones: Map<string, HzZone>;
  actions: Map<number, HzAction>;
  servers: Map<number, HzServer>;
  sshKeys: Map<number, HzSshKey>;
  locations: HzLocation[];
  serverTypes: HzServerType[];
  images: HzImage[];
  /** `pricing.currency` and `pricing.vat_rate`. */
  currency: string;
  vatRate: string;
  /** Reads an action answers `running` before it ends. @default 1 */
  actionPolls: number;
  /**
   * Record-set writes answer 423 `locked` while another action of the zone runs (whether Hetzner does is
   * not documented; on, it shows how a client copes). @default false
   */
  zoneLocks: boolean;
  /** The next action whose command matches ends in `error` with this code (then the entry is removed). */
  failActions: Array<{ command: string; code: string }>;
  /** Requests per hour (`RateLimit-Limit`). */
  rateLimit: number;
  /** Requests left (`RateLimit-Remaining`); at 0 every request answers 429 `rate_limit_exceeded`. */
  rateLimitRemaining: number;
  /** Next id for zones, actions, servers and keys. */
  nextId: number;
}

/** What route modules share: the current state (replaced on reset). */
export interface HzRuntime {
  state: HetznerSimulatorState;
}
