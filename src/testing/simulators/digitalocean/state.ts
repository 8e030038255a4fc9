import type { Progress } from '../core/progress.js';
/** Wire shapes the DigitalOcean simulator stores and serves; field names are DigitalOcean's (snake_case). */

/** One DNS record as `GET /v2/domains/{domain}/records` returns it. */
export interface DoRecordWire {
  id: number;
  type: string;
  /** Relative to the zone; `@` is the apex. */
  name: string;
  /** Hostnames without the trailing dot, as DigitalOcean hands them back. */
  data: string;
  priority: number | null;
  port: number | null;
  ttl: number;
  weight: number | null;
  flags: number | null;
  tag: string | null;
}

/** A DNS zone hosted on DigitalOcean. */
export interface DoDomain {
  name: string;
  ttl: number;
  records: DoRecordWire[];
}

/** A region (data center). */
export interface DoRegion {
  slug: string;
  name: string;
  features: string[];
  available: boolean;
  sizes: string[];
}

/** A size (plan) with its prices in USD. */
export interface DoSize {
  slug: string;
  memory: number;
  vcpus: number;
  disk: number;
  /** Terabytes per month. */
  transfer: number;
  price_monthly: number;
  price_hourly: number;
  regions: string[];
  available: boolean;
  description: string;
}

/** A distribution image. */
export interface DoImage {
  id: number;
  name: string;
  type: 'base' | 'snapshot' | 'backup' | 'custom' | 'admin';
  distribution: string;
  slug: string | null;
  public: boolean;
  regions: string[];
  created_at: string;
  min_disk_size: number | null;
  size_gigabytes: number | null;
  description: string;
  tags: string[];
  status: string;
  error_message: string;
}

/** A droplet as stored; `GET` serves it with its size, image and region objects expanded. */
export interface DoDroplet {
  id: number;
  name: string;
  status: 'new' | 'active' | 'off' | 'archive';
  locked: boolean;
  created_at: string;
  size_slug: string;
  region_slug: string;
  image_id: number;
  ssh_key_ids: number[];
  tags: string[];
  user_data?: string;
  ipv4: string | null;
  ipv6: string | null;
  /** Reads left before a `new` droplet becomes `active` with its addresses. */
  readsUntilActive: number;
}

/** An action taken on a droplet. */
export interface DoAction {
  id: number;
  type: string;
  status: 'in-progress' | 'completed' | 'errored';
  droplet_id: number;
  started_at: string;
}

/** A droplet snapshot (an image of type `snapshot`). */
export interface DoDropletSnapshot {
  id: number;
  name: string;
  created_at: string;
  regions: string[];
  min_disk_size: number;
  size_gigabytes: number;
  type: 'snapshot';
  /** The droplet it was taken from. */
  droplet_id: number;
}

/** An SSH key of the account (`fingerprint` in DigitalOcean's MD5 colon form). */
export interface DoSshKey {
  id: number;
  name: string;
  fingerprint: string;
  public_key: string;
}

/** The whole simulated account. Mutate it freely in tests; `reset()` rebuilds the ready-made account. */
export interface DigitalOceanSimulatorState {
  /** Zones by lowercase name. */
  domains: Map<string, DoDomain>;
  droplets: Map<number, DoDroplet>;
  /** Every droplet action taken, oldest first. */
  actions: DoAction[];
  /** Droplet snapshots; they outlive their droplet. */
  snapshots: DoDropletSnapshot[];
  /** Actions under way: each read of a droplet or of its action moves it one step (the droplet is locked meanwhile). */
  progress: Progress;
  sshKeys: Map<number, DoSshKey>;
  regions: DoRegion[];
  sizes: DoSize[];
  images: DoImage[];
  /** Requests left in the rate-limit window; at 0 every request answers 429 `too_many_requests`. */
  rateLimitRemaining: number;
  /** Next id for records, droplets, actions and keys. */
  nextId: number;
}

/** What route modules share: the current state (replaced on reset) and the origin used in page links. */
export interface DoRuntime {
  state: DigitalOceanSimulatorState;
}
