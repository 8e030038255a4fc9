/**
 * A hand-written shape check of a Hostinger zone answer (`{data: RRset[], meta?}` after list
 * normalisation), run once per listing instead of a zod walk per record. It accepts exactly what
 * `ZoneWire` accepts; whatever it refuses is parsed by zod, which names the bad field.
 *
 * @internal
 * @module
 */

type Loose = Record<string, unknown>;

const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
/** `z.optional(z.nullable(z.number()))` for decoded JSON (finite numbers only). */
const maybeNumber = (v: unknown) => v === undefined || v === null || (typeof v === 'number' && Number.isFinite(v));
const maybeBoolean = (v: unknown) => v === undefined || v === null || typeof v === 'boolean';

function isPageMeta(meta: unknown): boolean {
  if (meta === undefined || meta === null) return true;
  if (!isObject(meta)) return false;
  const num = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v));
  return num(meta.current_page) && num(meta.per_page) && num(meta.total);
}

function isRRset(set: unknown): boolean {
  if (!isObject(set)) return false;
  const records = set.records;
  if (typeof set.name !== 'string' || typeof set.type !== 'string' || !maybeNumber(set.ttl)) return false;
  if (!Array.isArray(records)) return false;
  for (const r of records as unknown[]) {
    if (!isObject(r) || typeof r.content !== 'string' || !maybeBoolean(r.is_disabled)) return false;
  }
  return true;
}

/** True when `value` is a zone page whose every field the adapter reads has the expected type. */
export function isZonePage(value: unknown): boolean {
  if (!isObject(value) || !Array.isArray(value.data) || !isPageMeta(value.meta)) return false;
  for (const set of value.data as unknown[]) if (!isRRset(set)) return false;
  return true;
}
