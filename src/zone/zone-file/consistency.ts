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

interface NameInfo {
  cname?: number;
  other?: number;
}

/**
 * Adds an error (`line <n>`) for every record that breaks a rule across records; `lines[i]` is the line of
 * `records[i]`. A name with one record (most names) costs one map entry and no object.
 */
export function checkSets(records: readonly DnsRecordInput[], lines: readonly number[], errors: FieldErrors): void {
  const names = new Map<string, number | NameInfo>();
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as DnsRecordInput;
    const name = record.name.toLowerCase();
    const seen = names.get(name);
    if (seen === undefined) {
      names.set(name, i);
      continue;
    }
    let info: NameInfo;
    if (typeof seen === 'number') {
      info = (records[seen] as DnsRecordInput).type === 'CNAME' ? { cname: seen } : { other: seen };
      names.set(name, info);
    } else info = seen;
    const line = `line ${lines[i]}`;
    if (record.type === 'CNAME') {
      const first = info.cname;
      const same = first !== undefined && sameValue(records[first] as DnsRecordInput, record);
      if (first !== undefined && !same)
        errors.add(line, `a second CNAME at "${record.name}" (the first is on line ${lines[first]})`);
      else if (info.other !== undefined)
        errors.add(
          line,
          `a CNAME at "${record.name}" cannot coexist with the ${(records[info.other] as DnsRecordInput).type} record on line ${lines[info.other]}`,
        );
      info.cname ??= i;
    } else {
      if (info.cname !== undefined && info.other === undefined)
        errors.add(
          line,
          `the ${record.type} record cannot be beside the CNAME at "${record.name}" on line ${lines[info.cname]}`,
        );
      info.other ??= i;
    }
  }
}

const sameValue = (a: DnsRecordInput, b: DnsRecordInput) =>
  recordIdentity({ type: a.type, content: a.content, priority: 0 }) ===
  recordIdentity({ type: b.type, content: b.content, priority: 0 });
