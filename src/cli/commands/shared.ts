/**
 * Helpers the command definitions share: number flags, capability lookup and the tables of each model.
 * Only types are imported statically, so the command table loads without the SDK.
 * @module
 */
import type { CatalogItem, Subscription } from '../../core/billing.js';
import type { DnsRecord } from '../../core/dns.js';
import type { Domain, DomainAvailability } from '../../core/domains.js';
import type { CapabilityName, Provider } from '../../core/provider.js';
import type { SshKey } from '../../core/ssh-keys.js';
import type { DataCenter, VirtualMachine } from '../../core/vps.js';
import type { Column } from '../output.js';
import type { CommandContext } from '../spec.js';

/** The chosen provider's capability group, or `ErrNotSupported`. */
export async function capability<K extends CapabilityName>(
  ctx: CommandContext,
  name: K,
): Promise<NonNullable<Provider[K]>> {
  const provider = await ctx.provider();
  const { requireCapability } = await import('../../core/provider.js');
  return requireCapability(provider, name);
}

/**
 * A flag that must be a number written in decimal (`12`, `12.99`; not `0x10`, `1e3` or ` 12`): `undefined`
 * when absent.
 * @throws {UsageError} naming the flag when its value is not such a number (exit 2, before anything is sent).
 */
export async function numberFlag(ctx: CommandContext, name: string, integer = true): Promise<number | undefined> {
  const raw = ctx.flags[name];
  if (raw === undefined) return undefined;
  const text = String(raw);
  if (!(integer ? /^-?\d+$/ : /^-?(\d+(\.\d*)?|\.\d+)$/).test(text) || !Number.isFinite(Number(text))) {
    const { UsageError } = await import('../errors.js');
    throw new UsageError(`--${name} must be ${integer ? 'a whole number' : 'a decimal number'}, not "${text}"`);
  }
  return Number(text);
}

/** Money for people: `9.99 USD`. */
export function money(amount: number | undefined, currency: string | undefined): string {
  return amount === undefined ? '' : `${amount.toFixed(2)}${currency ? ` ${currency}` : ''}`;
}

/** Table columns of a DNS record (the priority only for MX and SRV). */
export const RECORD_COLUMNS: Column<DnsRecord>[] = [
  { header: 'name', get: (r) => r.name },
  { header: 'type', get: (r) => r.type },
  { header: 'ttl', get: (r) => r.ttl },
  { header: 'priority', get: (r) => (r.type === 'MX' || r.type === 'SRV' ? r.priority : '') },
  { header: 'content', get: (r) => r.content },
];

/** Table columns of a domain. */
export const DOMAIN_COLUMNS: Column<Domain>[] = [
  { header: 'name', get: (d) => d.name },
  { header: 'status', get: (d) => d.status },
  { header: 'expires at', get: (d) => d.expires_at },
  { header: 'auto renew', get: (d) => (d.auto_renew ? 'yes' : 'no') },
  { header: 'locked', get: (d) => (d.locked ? 'yes' : 'no') },
  { header: 'privacy', get: (d) => (d.privacy_protection ? 'yes' : 'no') },
  { header: 'nameservers', get: (d) => d.nameservers },
];

/** Table columns of a domain availability answer. */
export const AVAILABILITY_COLUMNS: Column<DomainAvailability>[] = [
  { header: 'domain', get: (a) => a.domain },
  { header: 'available', get: (a) => (a.available ? 'yes' : 'no') },
  { header: 'price', get: (a) => money(a.price, a.currency) },
];

/** Table columns of a virtual machine. */
export const VM_COLUMNS: Column<VirtualMachine>[] = [
  { header: 'id', get: (v) => v.id },
  { header: 'name', get: (v) => v.name },
  { header: 'status', get: (v) => v.status },
  { header: 'plan', get: (v) => v.plan },
  { header: 'region', get: (v) => v.region },
  { header: 'ipv4', get: (v) => v.ipv4 },
  { header: 'cpus', get: (v) => v.cpus },
  { header: 'memory mb', get: (v) => v.memory_mb },
  { header: 'disk gb', get: (v) => v.disk_gb },
];

/** Table columns of a data center. */
export const DATA_CENTER_COLUMNS: Column<DataCenter>[] = [
  { header: 'id', get: (d) => d.id },
  { header: 'name', get: (d) => d.name },
  { header: 'location', get: (d) => d.location },
  { header: 'country', get: (d) => d.country },
];

/** Table columns of an SSH key (the key itself only in JSON). */
export const SSH_KEY_COLUMNS: Column<SshKey>[] = [
  { header: 'id', get: (k) => k.id },
  { header: 'name', get: (k) => k.name },
  { header: 'fingerprint', get: (k) => k.fingerprint },
];

/** Table columns of a subscription. */
export const SUBSCRIPTION_COLUMNS: Column<Subscription>[] = [
  { header: 'id', get: (s) => s.id },
  { header: 'name', get: (s) => s.name },
  { header: 'status', get: (s) => s.status },
  { header: 'price', get: (s) => money(s.price, s.currency) },
  { header: 'period', get: (s) => s.period ?? '' },
  { header: 'renews at', get: (s) => s.renews_at },
];

/** Table columns of a catalog item (price in currency units). */
export const CATALOG_COLUMNS: Column<CatalogItem>[] = [
  { header: 'id', get: (c) => c.id },
  { header: 'name', get: (c) => c.name },
  { header: 'category', get: (c) => c.category },
  { header: 'price', get: (c) => money(c.price_cents / 100, c.currency) },
  { header: 'period', get: (c) => c.period },
];

const loose = (text: string) => text.toLowerCase().replace(/^"|"$/g, '').replace(/\.$/, '');

/**
 * With `--output json`, prints what a DNS write made, read back from the provider (ids included): the one
 * record with `content` (`dns create`), else every record of the set (`dns update`). Prints nothing otherwise.
 */
export async function printWrittenRecords(
  ctx: CommandContext,
  domain: string,
  set: { name: string; type: string; content?: string },
): Promise<void> {
  if (!ctx.out.json) return;
  const dnsApi = await capability(ctx, 'dns');
  const apex = domain.toLowerCase().replace(/\.$/, '');
  const relative = (name: string) => {
    const full = loose(name);
    if (full === apex || full === '' || full === '@') return '@';
    return full.endsWith(`.${apex}`) ? full.slice(0, -apex.length - 1) : full;
  };
  const records = (await dnsApi.list(domain)).filter(
    (r) => r.type === set.type.toUpperCase() && relative(r.name) === relative(set.name),
  );
  if (set.content === undefined) return ctx.out.data(records);
  const made = records.find((r) => loose(r.content) === loose(set.content!)) ?? records[records.length - 1];
  ctx.out.data(made ?? null);
}
