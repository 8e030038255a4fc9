/**
 * Hetzner servers and images as the SDK reads them, and their mapping to `VirtualMachine`. A server's
 * `datacenter`, gone from the API since 2026-07, is never read.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import type { VirtualMachine } from '../core/vps.js';
import { maybeNumber, maybeString } from './kit.js';

const IpWire = z.optional(z.nullable(z.looseObject({ ip: z.string() })));

/** A server. */
export const ServerWire = z.looseObject({
  id: z.number(),
  name: z.string(),
  status: z.string(),
  created: maybeString,
  public_net: z.optional(z.nullable(z.looseObject({ ipv4: IpWire, ipv6: IpWire }))),
  server_type: z.looseObject({ name: z.string(), cores: z.number(), memory: z.number() }),
  location: z.optional(z.nullable(z.looseObject({ name: z.string() }))),
  image: z.optional(z.nullable(z.looseObject({ name: maybeString, description: maybeString }))),
  primary_disk_size: maybeNumber,
  included_traffic: maybeNumber,
  labels: z.optional(z.nullable(z.record(z.string(), z.string()))),
});
export type ServerWire = z.infer<typeof ServerWire>;

/** An image: system images have a `name` (`ubuntu-24.04`), shared by their x86 and arm builds. */
export const ImageWire = z.looseObject({
  id: z.number(),
  type: maybeString,
  name: maybeString,
  description: maybeString,
  os_flavor: maybeString,
  os_version: maybeString,
  architecture: z.string(),
});
export type ImageWire = z.infer<typeof ImageWire>;

/** Hetzner's server statuses in the words the other providers use; the rest pass through. */
const STATUS: Record<string, string> = { initializing: 'creating', off: 'stopped' };

/** An image by name (`ubuntu-24.04`), `flavor version` (`ubuntu 24.04`) or the start of its description, any case. */
export function findImage(images: readonly ImageWire[], template: string): ImageWire | undefined {
  const wanted = template.trim().toLowerCase();
  return (
    images.find((i) => String(i.id) === wanted || i.name?.toLowerCase() === wanted) ??
    images.find((i) => `${i.os_flavor ?? ''} ${i.os_version ?? ''}`.toLowerCase() === wanted) ??
    images.find((i) => (i.description ?? '').toLowerCase().startsWith(wanted))
  );
}

/**
 * The SDK's view of a server: `status` `creating` while Hetzner says `initializing`, `stopped` for `off`,
 * others as Hetzner says them (`running`, `starting`, `stopping`, `rebuilding`...); `plan` the server
 * type, `region` the location; `ipv6` the server's /64 network as Hetzner gives it.
 */
export function virtualMachineFromWire(s: ServerWire): VirtualMachine {
  const vm: VirtualMachine = {
    id: String(s.id),
    name: s.name,
    status: STATUS[s.status] ?? s.status,
    plan: s.server_type.name,
    region: s.location?.name ?? '',
    cpus: s.server_type.cores,
    memory_mb: Math.round(s.server_type.memory * 1024),
    disk_gb: s.primary_disk_size ?? 0,
    bandwidth_gb: Math.round((s.included_traffic ?? 0) / 2 ** 30),
    created_at: s.created ?? '',
  };
  const ipv4 = s.public_net?.ipv4?.ip;
  const ipv6 = s.public_net?.ipv6?.ip;
  if (ipv4) vm.ipv4 = ipv4;
  if (ipv6) vm.ipv6 = ipv6;
  const os = s.image?.description ?? s.image?.name;
  if (os) vm.os = os;
  if (s.labels && Object.keys(s.labels).length > 0) vm.labels = { ...s.labels };
  return vm;
}
