import type { CallOptions } from '../core/call-options.js';
import { ValidationError } from '../core/errors.js';

/**
 * Options of every DNS-01 function.
 *
 * @example
 * ```ts
 * await presentDns01(provider, 'example.com', value, { nameservers: ['127.0.0.1:5300'], timeoutMs: 30_000 });
 * ```
 */
export interface Dns01Options extends CallOptions {
  /** The zone (a domain the provider holds) to write in; found from the name when omitted. */
  zone?: string;
  /**
   * Servers to check (and to ask for SOA and CNAME records) instead of the zone's authoritative nameservers:
   * `'host'` or `'host:port'`, for tests and split DNS.
   */
  nameservers?: string[];
  /**
   * How long to wait for every nameserver to answer the value.
   * @default 120_000
   */
  timeoutMs?: number;
  /**
   * Time between two rounds of queries.
   * @default 2_000
   */
  intervalMs?: number;
  /**
   * TTL of a new challenge record set (an existing set keeps its own).
   * @default 60
   */
  ttl?: number;
}

/** {@link Dns01Options} with their defaults applied and checked. */
export interface ResolvedDns01Options {
  zone?: string;
  nameservers?: string[];
  timeoutMs: number;
  intervalMs: number;
  ttl: number;
  signal?: AbortSignal;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new ValidationError(`${name} must be a positive number of milliseconds`, {
      fields: { [name]: ['must be a positive number'] },
    });
  }
  return value;
}

/** Applies the defaults and refuses bad values before anything is queried or written. */
export function resolveDns01Options(options: Dns01Options = {}): ResolvedDns01Options {
  const ttl = options.ttl ?? 60;
  if (!Number.isInteger(ttl) || ttl < 1) {
    throw new ValidationError('ttl must be a whole number of seconds, at least 1', {
      fields: { ttl: ['must be a whole number of seconds, at least 1'] },
    });
  }
  const nameservers = options.nameservers;
  if (nameservers !== undefined && (!Array.isArray(nameservers) || nameservers.length === 0)) {
    throw new ValidationError('nameservers must list at least one host or host:port', {
      fields: { nameservers: ['must list at least one host or host:port'] },
    });
  }
  return {
    ...(options.zone === undefined ? {} : { zone: options.zone }),
    ...(nameservers === undefined ? {} : { nameservers: [...nameservers] }),
    timeoutMs: positive('timeoutMs', options.timeoutMs, 120_000),
    intervalMs: positive('intervalMs', options.intervalMs, 2_000),
    ttl,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
}
