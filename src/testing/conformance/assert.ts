import type { DnsRecord } from '../../core/dns.js';

/** A broken conformance rule. */
export class ConformanceError extends Error {
  override readonly name = 'ConformanceError';
}

/** Throws a {@link ConformanceError} unless `condition` holds. */
export function ensure(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceError(message);
}

/** Compact JSON for messages. */
export function show(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 400 ? `${text.slice(0, 400)}…` : text;
  } catch {
    return String(value);
  }
}

/** Awaits `promise`, requiring it to reject; returns the error. */
export async function rejection(promise: Promise<unknown>, what: string): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new ConformanceError(`${what} resolved; it should have rejected`);
}

const describeError = (e: unknown) =>
  e instanceof Error
    ? `${e.name}: ${e.message}${'fields' in e ? ` ${show((e as { fields: unknown }).fields)}` : ''}`
    : show(e);

/** Requires `error` to be an instance of `cls` (our guards match across package copies). */
export function ensureError(error: unknown, cls: abstract new (...args: never[]) => unknown, what: string): void {
  ensure(error instanceof cls, `${what} should throw ${cls.name}, got ${describeError(error)}`);
}

/** Records keyed by id, for order-insensitive comparison of listings. */
export function byId(records: readonly DnsRecord[]): Map<string, DnsRecord> {
  return new Map(records.map((r) => [r.id, r]));
}

const recordText = (r: DnsRecord) => `${r.id}=${r.type} ${r.name} ${show(r.content)} ttl=${r.ttl} prio=${r.priority}`;

/** Requires two listings to hold the same records under the same ids (order aside). */
export function ensureSameListing(before: readonly DnsRecord[], after: readonly DnsRecord[], what: string): void {
  const a = [...before].map(recordText).sort();
  const b = [...after].map(recordText).sort();
  const gone = a.filter((x) => !b.includes(x));
  const added = b.filter((x) => !a.includes(x));
  ensure(
    gone.length === 0 && added.length === 0,
    `${what}: the zone changed; removed ${show(gone)}, added ${show(added)}`,
  );
}

/** Lowercase, trailing dot removed: how host name targets compare. */
export function host(value: string): string {
  return value.toLowerCase().replace(/\.$/, '');
}

/** Requires a ValidationError whose `fields` has a key equal to or ending in `.<field>` for one of `fields`. */
export function ensureFieldNamed(error: unknown, fields: readonly string[], what: string): void {
  const keys = Object.keys((error as { fields?: Record<string, unknown> }).fields ?? {});
  const named = keys.some((k) => fields.some((f) => k === f || k.endsWith(`.${f}`)));
  ensure(named, `${what}: the ValidationError should name the field ${fields.join(' or ')}; fields were ${show(keys)}`);
}
