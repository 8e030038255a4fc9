/**
 * The records a zone file holds, each once, checked across records as they are read: the same record
 * twice is one record (as in BIND), and the CNAME rule (see `consistency.ts`). One map entry per name;
 * records are compared only with the records of their own name, so most records are never compared.
 *
 * @internal
 * @module
 */
import type { DnsRecordInput } from '../../core/dns.js';
import { FieldErrors } from '../../core/validation/fail.js';
import { normalizeRecord, recordIdentity, type NormalizedDnsRecord } from '../../core/validation/index.js';
import { checkSets, firstAtName, nextAtName, type NameInfo } from './consistency.js';
import { bad } from './escapes.js';

/** The records of a name that has more than one, by type and identity. */
interface Group extends NameInfo {
  keys: Map<string, number>;
}

const keyOf = (valid: NormalizedDnsRecord) => `${valid.type}\u0000${recordIdentity(valid)}`;

/** The records read so far, with the line each is on. */
export class Found {
  readonly records: DnsRecordInput[] = [];
  readonly lines: number[] = [];
  /** By normalized name: the index of its only record, or its group. */
  readonly #names = new Map<string, number | Group>();
  /** For TXT records of several strings, the byte length of each (where their strings were cut). */
  readonly #pieces = new Map<number, string>();
  /** Breaches of the CNAME rule, reported after the errors of single lines. */
  readonly #rule = new FieldErrors();
  /** Every name as written is its normalized form, so the CNAME rule can use the same map. */
  #plain = true;

  /**
   * Adds `record` (on `line`; `valid` is it normalized in `zone`), unless the same record is already there.
   * Throws a `LineError` for a TXT record that differs from one already there only in where its strings
   * are cut (`pieces`).
   */
  add(record: DnsRecordInput, valid: NormalizedDnsRecord, line: number, pieces: string | undefined, zone: string) {
    const { records } = this;
    const i = records.length;
    const seen = this.#names.get(valid.name);
    let group: Group | undefined;
    if (typeof seen === 'number') {
      const first = keyOf(normalizeRecord(records[seen] as DnsRecordInput, '', zone));
      group = { keys: new Map([[first, seen]]), ...firstAtName(records, seen) };
      this.#names.set(valid.name, group);
    } else group = seen;
    if (group) {
      const key = keyOf(valid);
      const twin = group.keys.get(key);
      if (twin !== undefined) {
        if (this.#pieces.get(twin) !== pieces)
          bad(
            `this TXT record and the one on line ${this.lines[twin]} differ only in where their strings are cut; the SDK holds a TXT value as one text and would merge them`,
          );
        return;
      }
      group.keys.set(key, i);
    } else this.#names.set(valid.name, i);
    if (pieces !== undefined) this.#pieces.set(i, pieces);
    records.push(record);
    this.lines.push(line);
    if (record.name !== valid.name) this.#plain = false;
    if (group && this.#plain) nextAtName(group, i, records, this.lines, this.#rule);
  }

  /** Adds the breaches of the CNAME rule to `errors`, naming lines. */
  checkNames(errors: FieldErrors): void {
    if (!this.#plain) return checkSets(this.records, this.lines, errors);
    for (const [field, messages] of Object.entries(this.#rule.fields))
      for (const message of messages) errors.add(field, message);
  }
}
