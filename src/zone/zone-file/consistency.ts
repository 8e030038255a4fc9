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

/** The first CNAME and the first other record at one name (indexes in the records). */
export interface NameInfo {
  cname?: number;
  other?: number;
}

/** What is known about a name after its first record, `records[i]`. */
export const firstAtName = (records: readonly DnsRecordInput[], i: number): NameInfo =>
  (records[i] as DnsRecordInput).type === 'CNAME' ? { cname: i } : { other: i };

/** Checks `records[i]`, a further record at a name `info` describes, against the CNAME rule, and notes it. */
export function nextAtName(
  info: NameInfo,
  i: number,
  records: readonly DnsRecordInput[],
  lines: readonly number[],
  errors: FieldErrors,
): void {
  const record = records[i] as DnsRecordInput;
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

/**
 * Adds an error (`line <n>`) for every record that breaks a rule across records; `lines[i]` is the line of
 * `records[i]`. Names compare case-insensitively as written.
 */
export function checkSets(records: readonly DnsRecordInput[], lines: readonly number[], errors: FieldErrors): void {
  const names = new Map<string, number | NameInfo>();
  for (let i = 0; i < records.length; i++) {
    const name = (records[i] as DnsRecordInput).name.toLowerCase();
    const seen = names.get(name);
    if (seen === undefined) {
      names.set(name, i);
      continue;
    }
    let info = seen;
    if (typeof info === 'number') names.set(name, (info = firstAtName(records, info)));
    nextAtName(info, i, records, lines, errors);
  }
}

const sameValue = (a: DnsRecordInput, b: DnsRecordInput) =>
  recordIdentity({ type: a.type, content: a.content, priority: 0 }) ===
  recordIdentity({ type: b.type, content: b.content, priority: 0 });
