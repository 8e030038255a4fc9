/**
 * The records a zone file holds, each once, checked across records as they are read: the same record
 * twice is one record (as in BIND), and the CNAME rule (see `consistency.ts`). One table entry per name;
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
import { NameIndex } from './name-index.js';

/** The records of a name that has more than one, by type and identity. */
interface Group extends NameInfo {
  keys: Map<string, number>;
}

const keyOf = (valid: NormalizedDnsRecord) => `${valid.type}\u0000${recordIdentity(valid)}`;

/** The records read so far, with the line each is on. */
export class Found {
  readonly records: DnsRecordInput[] = [];
  readonly lines: number[] = [];
  /** The first record of each normalized name. */
  readonly #names: NameIndex;
  /** Normalized names that differ from the name as written (IDNs), by record index. */
  readonly #renamed = new Map<number, string>();
  /** Names with more than one record: their records by type and identity, by the index of the first. */
  readonly #groups = new Map<number, Group>();
  /** For TXT records of several strings, the byte length of each (where their strings were cut). */
  readonly #pieces = new Map<number, string>();
  /** `expected`: about how many records there will be. */
  constructor(expected = 0) {
    this.#names = new NameIndex(
      (i) => (this.#renamed.size > 0 ? this.#renamed.get(i) : undefined) ?? (this.records[i] as DnsRecordInput).name,
      expected,
    );
  }

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
    const seen = this.#names.find(valid.name);
    let group: Group | undefined;
    if (seen >= 0) {
      group = this.#groups.get(seen);
      if (group === undefined) {
        const first = keyOf(normalizeRecord(records[seen] as DnsRecordInput, '', zone));
        group = { keys: new Map([[first, seen]]), ...firstAtName(records, seen) };
        this.#groups.set(seen, group);
      }
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
    }
    if (pieces !== undefined) this.#pieces.set(i, pieces);
    records.push(record);
    this.lines.push(line);
    if (record.name !== valid.name) {
      this.#renamed.set(i, valid.name);
      this.#plain = false;
    }
    if (seen < 0) this.#names.insert(i, seen);
    else if (this.#plain) nextAtName(group as Group, i, records, this.lines, this.#rule);
  }

  /** Adds the breaches of the CNAME rule to `errors`, naming lines. */
  checkNames(errors: FieldErrors): void {
    if (!this.#plain) return checkSets(this.records, this.lines, errors);
    for (const [field, messages] of Object.entries(this.#rule.fields))
      for (const message of messages) errors.add(field, message);
  }
}
