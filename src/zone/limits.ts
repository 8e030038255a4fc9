import type { DnsLimits } from '../core/dns.js';
import { ValidationError } from '../core/errors.js';
import type { NormalizedDnsRecord } from '../core/validation/index.js';

const encoder = new TextEncoder();

/**
 * Checks validated desired records against what the provider's DNS can store ({@link DnsLimits}), so a
 * plan never holds a record that would fail midway through `applyPlan`.
 *
 * @throws {ValidationError} naming every record the provider cannot store (`records.<i>.<field>`), and
 *   `name TYPE` of each in the message.
 */
export function checkLimits(provider: string, limits: DnsLimits | undefined, records: readonly NormalizedDnsRecord[]) {
  if (!limits) return;
  const fields: Record<string, string[]> = {};
  const named = new Set<string>();
  const add = (i: number, field: string, message: string) => {
    (fields[`records.${i}.${field}`] ??= []).push(message);
    const r = records[i] as NormalizedDnsRecord;
    named.add(`${r.name} ${r.type}`);
  };
  records.forEach((r, i) => {
    if (limits.recordTypes && !limits.recordTypes.includes(r.type))
      add(i, 'type', `${provider} stores only ${limits.recordTypes.join(', ')} records`);
    if (limits.minTtl !== undefined && r.ttl < limits.minTtl)
      add(i, 'ttl', `${provider} keeps TTLs of at least ${limits.minTtl} s, not ${r.ttl}`);
    if (limits.maxTtl !== undefined && r.ttl > limits.maxTtl)
      add(i, 'ttl', `${provider} keeps TTLs of at most ${limits.maxTtl} s, not ${r.ttl}`);
    if (r.type === 'TXT' && limits.maxTxtBytes !== undefined) {
      const bytes = encoder.encode(r.content).length;
      if (bytes > limits.maxTxtBytes)
        add(i, 'content', `the TXT value is ${bytes} bytes; ${provider} stores at most ${limits.maxTxtBytes}`);
    }
  });
  if (named.size === 0) return;
  const shown = [...named].slice(0, 5).join(', ') + (named.size > 5 ? ` and ${named.size - 5} more` : '');
  throw new ValidationError(`${provider} cannot store these desired records: ${shown}`, { fields, provider });
}
