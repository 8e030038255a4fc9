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

/** The path of the first bad field of one RRset, relative to it. */
function rrsetIssue(set: unknown): Path {
  if (!isObject(set)) return [];
  if (typeof set.name !== 'string') return ['name'];
  if (typeof set.type !== 'string') return ['type'];
  if (!maybeNumber(set.ttl)) return ['ttl'];
  const records = set.records;
  if (!Array.isArray(records)) return ['records'];
  for (let j = 0; j < records.length; j++) {
    const r: unknown = records[j];
    const bad = !isObject(r)
      ? []
      : typeof r.content !== 'string'
        ? ['content']
        : maybeBoolean(r.is_disabled)
          ? 0
          : ['is_disabled'];
    if (bad) return ['records', j, ...bad];
  }
  return undefined;
}

/** The path of the first field of a zone page that does not fit, or `undefined` when all do. */
export function zoneIssue(value: unknown): Path {
  if (!isObject(value)) return [];
  const data = value.data;
  if (!Array.isArray(data)) return ['data'];
  for (let i = 0; i < data.length; i++) {
    const issue = rrsetIssue(data[i]);
    if (issue) return ['data', i, ...issue];
  }
  const meta = value.meta;
  if (meta === undefined || meta === null) return undefined;
  if (!isObject(meta)) return ['meta'];
  for (const key of ['current_page', 'per_page', 'total'])
    if (meta[key] !== undefined && !isNumber(meta[key])) return ['meta', key];
  return undefined;
}

/** A zone: a bare array of RRsets (tolerantly also `{data, meta}`). */
export const ZoneWire: WireSchema<ZonePage> = /* @__PURE__ */ listInput(wireSchema<ZonePage>(zoneIssue));
