import { DNS_RECORD_TYPES } from '../../core/dns.js';
import { ensure, show } from './assert.js';

/** How one field is checked; a `?` suffix on the field's key makes it optional. */
type Kind =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'strings'
  | 'timestamp'
  | 'timestamp?'
  | 'labels'
  | ((value: unknown) => boolean);

/** A model's fields, named exactly as in the SDK's types. */
export type Shape = Record<string, Kind>;

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

const KINDS: Record<Exclude<Kind, (value: unknown) => boolean>, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  integer: (v) => Number.isInteger(v),
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  boolean: (v) => typeof v === 'boolean',
  strings: (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
  // Timestamps are ISO-8601; a timestamp the provider does not know is omitted or "" (never "null").
  timestamp: (v) => typeof v === 'string' && ISO.test(v) && !Number.isNaN(Date.parse(v)),
  'timestamp?': (v) => v === '' || (typeof v === 'string' && ISO.test(v) && !Number.isNaN(Date.parse(v))),
  labels: (v) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string'),
};

/** Requires `value` to have exactly the fields of `shape` (optional ones may be absent), each of its kind. */
export function ensureShape(value: unknown, shape: Shape, what: string): void {
  ensure(
    typeof value === 'object' && value !== null && !Array.isArray(value),
    `${what} should be an object, got ${show(value)}`,
  );
  const object = value as Record<string, unknown>;
  const allowed = new Set(Object.keys(shape).map((k) => k.replace(/\?$/, '')));
  const extra = Object.keys(object).filter((k) => !allowed.has(k) && object[k] !== undefined);
  ensure(extra.length === 0, `${what} has fields the model does not define: ${show(extra)} in ${show(value)}`);
  for (const [key, kind] of Object.entries(shape)) {
    const optional = key.endsWith('?');
    const field = key.replace(/\?$/, '');
    const v = object[field];
    if (v === undefined) {
      ensure(optional, `${what} lacks ${field}: ${show(value)}`);
      continue;
    }
    const ok = typeof kind === 'function' ? kind(v) : KINDS[kind](v);
    ensure(ok, `${what}.${field} is ${show(v)}, which is not ${typeof kind === 'function' ? 'valid' : `a ${kind}`}`);
  }
}

/** Requires an array and every element to match `shape`. */
export function ensureShapes(values: unknown, shape: Shape, what: string): void {
  ensure(Array.isArray(values), `${what} should be an array, got ${show(values)}`);
  values.forEach((v, i) => ensureShape(v, shape, `${what}[${i}]`));
}

const PERIOD = /^(one-time|daily|weekly|monthly|yearly|[1-9]\d* (days|weeks|months|years))$/;

/** The SDK's models. */
export const SHAPES = {
  DnsRecord: {
    id: 'string',
    type: (v) => (DNS_RECORD_TYPES as readonly unknown[]).includes(v),
    name: 'string',
    content: 'string',
    ttl: 'integer',
    priority: (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 65535,
  },
  Domain: {
    name: 'string',
    registrar: 'string',
    status: 'string',
    expires_at: 'timestamp?',
    auto_renew: 'boolean',
    locked: 'boolean',
    privacy_protection: 'boolean',
    nameservers: 'strings',
  },
  DomainAvailability: { domain: 'string', available: 'boolean', 'price?': 'number', 'currency?': 'string' },
  VirtualMachine: {
    id: 'string',
    name: 'string',
    status: 'string',
    plan: 'string',
    region: 'string',
    'ipv4?': 'string',
    'ipv6?': 'string',
    'os?': 'string',
    cpus: 'integer',
    memory_mb: 'integer',
    disk_gb: 'integer',
    bandwidth_gb: 'integer',
    created_at: 'timestamp?',
    'labels?': 'labels',
  },
  DataCenter: { id: 'string', name: 'string', location: 'string', country: 'string' },
  SshKey: {
    id: 'string',
    name: 'string',
    fingerprint: (v) => typeof v === 'string' && /^SHA256:[A-Za-z0-9+/]{43}$/.test(v),
    public_key: 'string',
  },
  Subscription: {
    id: 'string',
    name: 'string',
    status: 'string',
    plan: 'string',
    price: 'number',
    currency: 'string',
    renews_at: 'timestamp?',
    created_at: 'timestamp?',
    'period?': (v) => typeof v === 'string' && PERIOD.test(v),
  },
  CatalogItem: {
    id: 'string',
    name: 'string',
    category: 'string',
    price_cents: 'integer',
    currency: 'string',
    period: (v) => typeof v === 'string' && PERIOD.test(v),
    'description?': 'string',
  },
} satisfies Record<string, Shape>;
