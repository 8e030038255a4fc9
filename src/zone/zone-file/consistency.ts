/**
 * Checks across the records of a zone file that `formatZoneFile` would otherwise trip over, naming lines:
 * a CNAME beside other data, or a second CNAME.
 *
 * @internal
 * @module
 */
import type { DnsRecordInput } from '../../core/dns.js';
import type { FieldErrors } from '../../core/validation/fail.js';
import { recordIdentity } from '../../core/validation/index.js';

/** One parsed record, where it was, and for TXT how its strings were cut (byte lengths). */
export interface Placed {
  record: DnsRecordInput;
  line: number;
  pieces?: string;
}

interface NameInfo {
  cname?: Placed;
  other?: Placed;
}

/** Adds an error (`line <n>`) for every record that breaks a rule across records. */
export function checkSets(placed: readonly Placed[], errors: FieldErrors): void {
  const names = new Map<string, NameInfo>();
  for (const p of placed) {
    const { record } = p;
    const name = record.name.toLowerCase();
    let info = names.get(name);
    if (!info) names.set(name, (info = {}));
    if (record.type === 'CNAME') {
      const first = info.cname;
      const same = first && sameValue(first.record, record);
      if (first && !same)
        errors.add(`line ${p.line}`, `a second CNAME at "${record.name}" (the first is on line ${first.line})`);
      else if (info.other)
        errors.add(
          `line ${p.line}`,
          `a CNAME at "${record.name}" cannot coexist with the ${info.other.record.type} record on line ${info.other.line}`,
        );
      info.cname ??= p;
    } else {
      if (info.cname && !info.other)
        errors.add(
          `line ${p.line}`,
          `the ${record.type} record cannot be beside the CNAME at "${record.name}" on line ${info.cname.line}`,
        );
      info.other ??= p;
    }
  }
}

const sameValue = (a: DnsRecordInput, b: DnsRecordInput) =>
  recordIdentity({ type: a.type, content: a.content, priority: 0 }) ===
  recordIdentity({ type: b.type, content: b.content, priority: 0 });
