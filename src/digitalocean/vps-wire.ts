/**
 * DigitalOcean droplets, regions, sizes and images as the SDK reads them, and their mapping to
 * `VirtualMachine` and `DataCenter`.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import type { DataCenter, VirtualMachine } from '../core/vps.js';
import { maybeBoolean, maybeNumber, maybeString } from '../kit/index.js';

const NetworkWire = z.looseObject({ ip_address: z.string(), type: maybeString });

/** A droplet (sizes in MB and GB; `networks` empty while it is `new`). */
export const DropletWire = z.looseObject({
  id: z.number(),
  name: z.string(),
  memory: maybeNumber,
  vcpus: maybeNumber,
  disk: maybeNumber,
  status: maybeString,
  created_at: maybeString,
  size_slug: maybeString,
  size: z.optional(z.nullable(z.looseObject({ transfer: maybeNumber }))),
  region: z.optional(z.nullable(z.looseObject({ slug: maybeString }))),
  image: z.optional(z.nullable(z.looseObject({ distribution: maybeString, name: maybeString }))),
  networks: z.optional(
    z.nullable(
      z.looseObject({
        v4: z.optional(z.nullable(z.array(NetworkWire))),
        v6: z.optional(z.nullable(z.array(NetworkWire))),
      }),
    ),
  ),
  tags: z.optional(z.nullable(z.array(z.string()))),
});
export type DropletWire = z.infer<typeof DropletWire>;

/** A region. */
export const RegionWire = z.looseObject({ slug: z.string(), name: maybeString, available: maybeBoolean });
export type RegionWire = z.infer<typeof RegionWire>;

/** A size: a plan with its monthly price in USD (a float). */
export const SizeWire = z.looseObject({
  slug: z.string(),
  memory: maybeNumber,
  vcpus: maybeNumber,
  disk: maybeNumber,
  transfer: maybeNumber,
  price_monthly: maybeNumber,
  regions: z.optional(z.nullable(z.array(z.string()))),
  available: maybeBoolean,
  description: maybeString,
});
export type SizeWire = z.infer<typeof SizeWire>;

/** An image; distribution images have a `slug` (`ubuntu-22-04-x64`). */
export const ImageWire = z.looseObject({
  id: z.number(),
  slug: maybeString,
  name: maybeString,
  distribution: maybeString,
});
export type ImageWire = z.infer<typeof ImageWire>;

/** DigitalOcean's droplet statuses in the words the other providers use. */
const STATUS: Record<string, string> = { new: 'creating', active: 'running', off: 'stopped', archive: 'archived' };
/** GB of transfer in one of DigitalOcean's TB. */
const GB_PER_TB = 1000;

/** Countries of DigitalOcean's data-center codes (the slug without its number). */
const COUNTRY: Record<string, string> = {
  nyc: 'US',
  sfo: 'US',
  atl: 'US',
  ams: 'NL',
  fra: 'DE',
  lon: 'GB',
  sgp: 'SG',
  blr: 'IN',
  tor: 'CA',
  syd: 'AU',
};

export function dataCenterFromWire(region: RegionWire): DataCenter {
  const code = region.slug.replace(/\d+$/, '');
  const name = region.name ?? region.slug;
  return { id: region.slug, name, location: name.replace(/\s+\d+$/, ''), country: COUNTRY[code] ?? '' };
}

/** The operating system of an image: `Ubuntu 22.04 (LTS) x64`. */
export const imageLabel = (image: { distribution?: string | null; name?: string | null }): string =>
  [image.distribution, image.name].filter(Boolean).join(' ');

/**
 * The SDK's view of a droplet: `status` in the words of the other providers (`creating` while DigitalOcean
 * says `new`, `running`, `stopped`, `archived`), the first public addresses (none while it is being
 * created), `plan` its size slug, `region` its region slug, tags `key:value` as labels.
 */
export function virtualMachineFromWire(d: DropletWire): VirtualMachine {
  const vm: VirtualMachine = {
    id: String(d.id),
    name: d.name,
    status: STATUS[d.status ?? ''] ?? d.status ?? '',
    plan: d.size_slug ?? '',
    region: d.region?.slug ?? '',
    cpus: d.vcpus ?? 0,
    memory_mb: d.memory ?? 0,
    disk_gb: d.disk ?? 0,
    bandwidth_gb: Math.round((d.size?.transfer ?? 0) * GB_PER_TB),
    created_at: d.created_at ?? '',
  };
  const ipv4 = d.networks?.v4?.find((n) => n.type === 'public')?.ip_address;
  const ipv6 = d.networks?.v6?.find((n) => n.type === 'public' || !n.type)?.ip_address;
  if (ipv4) vm.ipv4 = ipv4;
  if (ipv6) vm.ipv6 = ipv6;
  const os = d.image ? imageLabel(d.image) : '';
  if (os) vm.os = os;
  if (d.tags?.length) {
    vm.labels = Object.fromEntries(
      d.tags.map((tag) => {
        const at = tag.indexOf(':');
        return at === -1 ? [tag, ''] : [tag.slice(0, at), tag.slice(at + 1)];
      }),
    );
  }
  return vm;
}
