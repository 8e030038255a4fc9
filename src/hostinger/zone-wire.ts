/**
 * The shape of a Hostinger zone answer (`{data: RRset[], meta?}` after list normalisation), checked by
 * hand in one pass per listing: no per-record schema walk, no copies, no schema library in the bundle of
 * DNS-only code. A value that fits is returned unchanged; one that does not is refused naming its first
 * bad field (`data.3.records.0.content`), in the order a schema library reports fields.
 *
 * @internal
 * @module
 */
import { listInput } from '../kit/parse-wire.js';
import { isObject, wireSchema, type WireSchema } from '../kit/wire-schema.js';

/** One value of an RRset as Hostinger returns it (other fields are kept, unread). */
export interface DnsRecordWire {
  content: string;
  is_disabled?: boolean | null | undefined;
  [key: string]: unknown;
}

/** One RRset: every record of a name + type, sharing one TTL. */
export interface RRsetWire {
  name: string;
  type: string;
  ttl?: number | null | undefined;
  records: DnsRecordWire[];
  [key: string]: unknown;
}

/** A zone listing, normalised to a page. */
export interface ZonePage {
  data: RRsetWire[];
  meta?: { current_page?: number; per_page?: number; total?: number; [key: string]: unknown } | null | undefined;
  [key: string]: unknown;
}

type Path = PropertyKey[] | undefined;

const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const maybeNumber = (v: unknown) => v === undefined || v === null || isNumber(v);
const maybeBoolean = (v: unknown) => v === undefined || v === null || typeof v === 'boolean';

function rrsetIssue(set: unknown, i: number): Path {
  if (!isObject(set)) return ['data', i];
  if (typeof set.name !== 'string') return ['data', i, 'name'];
  if (typeof set.type !== 'string') return ['data', i, 'type'];
  if (!maybeNumber(set.ttl)) return ['data', i, 'ttl'];
  const records = set.records;
  if (!Array.isArray(records)) return ['data', i, 'records'];
  for (let j = 0; j < records.length; j++) {
    const r: unknown = records[j];
    if (!isObject(r)) return ['data', i, 'records', j];
    if (typeof r.content !== 'string') return ['data', i, 'records', j, 'content'];
    if (!maybeBoolean(r.is_disabled)) return ['data', i, 'records', j, 'is_disabled'];
  }
  return undefined;
}

function metaIssue(meta: unknown): Path {
  if (meta === undefined || meta === null) return undefined;
  if (!isObject(meta)) return ['meta'];
  for (const key of ['current_page', 'per_page', 'total'])
    if (meta[key] !== undefined && !isNumber(meta[key])) return ['meta', key];
  return undefined;
}

/** The path of the first field of a zone page that does not fit, or `undefined` when all do. */
export function zoneIssue(value: unknown): Path {
  if (!isObject(value)) return [];
  const data = value.data;
  if (!Array.isArray(data)) return ['data'];
  for (let i = 0; i < data.length; i++) {
    const issue = rrsetIssue(data[i], i);
    if (issue) return issue;
  }
  return metaIssue(value.meta);
}

/** A zone: a bare array of RRsets (tolerantly also `{data, meta}`). */
export const ZoneWire: WireSchema<ZonePage> = /* @__PURE__ */ listInput(wireSchema<ZonePage>(zoneIssue));
