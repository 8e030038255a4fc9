import type { DnsRecordInput } from '../../core/dns.js';
import { DEFAULT_TTL, normalizeDomain, splitTxt, validateRecords } from '../../core/validation/index.js';

/** One character-string in master-file form: `"` and `\` escaped, control characters as `\DDD`. */
function quoted(chunk: string): string {
  let out = '';
  for (const ch of chunk) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code < 0x20 || code === 0x7f) out += `\\${String(code).padStart(3, '0')}`;
    else out += ch;
  }
  return `"${out}"`;
}

function txt(value: string): string {
  return splitTxt(value).map(quoted).join(' ');
}

const fqdn = (host: string) => (host === '.' ? '.' : `${host}.`);

function rdata(r: Required<DnsRecordInput>): string {
  switch (r.type) {
    case 'CNAME':
    case 'NS':
      return fqdn(r.content);
    case 'MX':
      return `${r.priority} ${fqdn(r.content)}`;
    case 'SRV': {
      const [weight, port, target = '.'] = r.content.split(' ');
      return `${r.priority} ${weight} ${port} ${fqdn(target)}`;
    }
    case 'CAA': {
      const [, flags, tag, value = ''] = /^(\S+) (\S+) ([\s\S]*)$/.exec(r.content) ?? [];
      const plain = /^"[\s\S]*"$/.test(value) ? value.slice(1, -1).replace(/\\([\s\S])/g, '$1') : value;
      return `${flags} ${tag} ${quoted(plain)}`;
    }
    case 'TXT':
      return txt(r.content);
    default:
      return r.content;
  }
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = DEFAULT_TTL;
  let most = 0;
  for (const [v, n] of counts) if (n > most || (n === most && v < best)) [best, most] = [v, n];
  return best;
}

/**
 * Writes records as an RFC 1035 master file: `$ORIGIN`, `$TTL` (the most common TTL), then one record a
 * line, sorted by name, type and value so the file diffs well in git. A record whose TTL differs from
 * `$TTL` states its own. Host names are written absolute (`mail.example.com.`); TXT values over 255 bytes
 * are split into several strings. {@link parseZoneFile} reads the result back to the same record sets.
 *
 * @param origin - The zone, e.g. `example.com`.
 * @param records - Records with names relative to `origin`, e.g. a `dns.list()` listing.
 * @throws {ValidationError} for a bad origin or record (fields `records.<i>.<field>`).
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { formatZoneFile } from 'setec-hosting/zone';
 *
 * await writeFile('example.com.zone', formatZoneFile('example.com', await provider.dns!.list('example.com')));
 * ```
 */
export function formatZoneFile(origin: string, records: readonly DnsRecordInput[]): string {
  const zone = normalizeDomain(origin, 'origin');
  const valid = validateRecords([...records], zone) as Required<DnsRecordInput>[];
  const ttl = mostCommon(valid.map((r) => r.ttl));
  const rows = valid
    .map((r) => ({ r, data: rdata(r) }))
    .sort((a, b) => {
      const an = a.r.name === '@' ? '' : a.r.name;
      const bn = b.r.name === '@' ? '' : b.r.name;
      return an < bn ? -1 : an > bn ? 1 : a.r.type < b.r.type ? -1 : a.r.type > b.r.type ? 1 : a.data < b.data ? -1 : 1;
    });
  const ttlOf = (r: Required<DnsRecordInput>) => (r.ttl === ttl ? '' : String(r.ttl));
  const nameWidth = Math.max(1, ...rows.map(({ r }) => r.name.length));
  const ttlWidth = Math.max(0, ...rows.map(({ r }) => ttlOf(r).length));
  const typeWidth = Math.max(1, ...rows.map(({ r }) => r.type.length));
  const lines = rows.map(({ r, data }) =>
    [r.name.padEnd(nameWidth), ttlOf(r).padStart(ttlWidth), 'IN', r.type.padEnd(typeWidth), data]
      .filter((column) => column !== '')
      .join(' '),
  );
  return [`$ORIGIN ${zone}.`, `$TTL ${ttl}`, ...lines, ''].join('\n');
}
