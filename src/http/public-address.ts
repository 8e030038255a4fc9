import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { Agent } from 'undici';

// Addresses that are not on the public internet: loopback, private, shared (CGNAT), link-local,
// unique-local, multicast, documentation and reserved ranges.
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 3],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

// An IPv6 address that carries an IPv4 one (mapped `::ffff:a.b.c.d`, NAT64 `64:ff9b::a.b.c.d`, 6to4 `2002:AABB:CCDD::`).
function embeddedIPv4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  const sixToFour = /^2002:([0-9a-f]{1,4}):([0-9a-f]{1,4}):/.exec(lower);
  const parts = hex ?? sixToFour;
  if (!parts) return undefined;
  const high = parseInt(parts[1]!, 16);
  const low = parseInt(parts[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/**
 * True for an address on the public internet; false for loopback, private, link-local, unique-local,
 * CGNAT, multicast, documentation and reserved addresses, in IPv4 or IPv6 (mapped forms included).
 */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !NON_PUBLIC.check(address, 'ipv4');
  if (family !== 6) return false;
  const v4 = embeddedIPv4(address);
  if (v4 !== undefined) return isPublicAddress(v4);
  return !NON_PUBLIC.check(address, 'ipv6');
}

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

/** The error a refused address gives: fixed text, so nothing from the network is echoed back. */
export class NonPublicAddressError extends Error {
  readonly code = 'ENONPUBLIC';
  constructor(hostname: string) {
    super(`${hostname} resolves to an address that is not public`);
    this.name = 'NonPublicAddressError';
  }
}

/**
 * A `dns.lookup` that refuses to hand out a non-public address, used when a connection is opened,
 * so a name that resolves to a public address when checked and a private one later (DNS rebinding)
 * still cannot reach the inside.
 */
export function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '');
    const list = addresses as LookupAddress[];
    if (list.length === 0 || list.some((a) => !isPublicAddress(a.address))) {
      return callback(new NonPublicAddressError(hostname), '');
    }
    if (options.all) return callback(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
}

let dispatcher: Agent | undefined;

/** True when `error` or one of its causes is a {@link NonPublicAddressError}. */
function isRefusal(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    if (e instanceof NonPublicAddressError) return true;
  }
  return false;
}

/**
 * A `fetch` whose connections only reach public addresses (checked by {@link publicOnlyLookup} at
 * connect time). The REST API gives it to providers built from a stored `extra.base_url`. It is the
 * platform's `fetch` with an undici connection pool whose address lookup refuses non-public addresses;
 * `onRefused` is called when a connection was refused for that reason.
 */
export function publicOnlyFetch(onRefused?: () => void): typeof fetch {
  dispatcher ??= new Agent({ connect: { lookup: publicOnlyLookup as never } });
  const agent = dispatcher;
  return async (input, init) => {
    try {
      return await globalThis.fetch(input, { ...init, dispatcher: agent } as RequestInit);
    } catch (error) {
      if (isRefusal(error)) onRefused?.();
      throw error;
    }
  };
}
