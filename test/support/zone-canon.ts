/**
 * Helpers for cross-checking zone files with BIND: the record lines of BIND's canonical dump and of the
 * SDK's records in one comparable spelling (decoded bytes, not escapes), and the entries of a master file
 * with the lines each spans, so a test can leave out the entries the SDK refuses.
 */
import type { DnsRecordInput } from '../../src/core/dns.js';
import { DNS_RECORD_TYPES } from '../../src/core/dns.js';
import { parseTxt } from '../../src/core/validation/index.js';

const SUPPORTED: readonly string[] = DNS_RECORD_TYPES;
const utf8 = new TextDecoder('utf-8', { fatal: false });

/** The bytes of a presentation-form character-string body (`\DDD` and `\X` escapes decoded). */
function unescapeBytes(body: string): number[] {
  const out: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < body.length;) {
    if (body[i] === '\\' && /^\d{3}$/.test(body.slice(i + 1, i + 4))) {
      out.push(Number(body.slice(i + 1, i + 4)));
      i += 4;
    } else {
      if (body[i] === '\\') i++;
      const ch = String.fromCodePoint(body.codePointAt(i) ?? 0);
      out.push(...encoder.encode(ch));
      i += ch.length;
    }
  }
  return out;
}

/** The quoted strings of a BIND rdata (`"a" "b"`) as one decoded text, shown as JSON. */
function quotedText(rdata: string): string {
  const bytes: number[] = [];
  for (const m of rdata.matchAll(/"((?:[^"\\]|\\.)*)"/g)) bytes.push(...unescapeBytes(m[1] ?? ''));
  return JSON.stringify(utf8.decode(Uint8Array.from(bytes)));
}

const host = (name: string) => (name === '.' ? '.' : name.toLowerCase().replace(/\.$/, ''));
const address = (ip: string) => new URL(`http://[${ip}]/`).hostname.slice(1, -1);

/**
 * BIND's `named-compilezone -s full` dump as comparable lines (`name ttl TYPE data`), only the types the
 * SDK models (SOA left out).
 */
export function bindLines(dump: string): string[] {
  const lines: string[] = [];
  for (const line of dump.split('\n')) {
    const m = /^(\S+)\s+(\d+)\s+IN\s+(\S+)\s+(.*)$/.exec(line);
    if (!m || !SUPPORTED.includes(m[3] ?? '')) continue;
    const [, name = '', ttl, type = '', rdata = ''] = m;
    const words = rdata.trim().split(/\s+/);
    let data: string;
    if (type === 'A') data = rdata.trim();
    else if (type === 'AAAA') data = address(rdata.trim());
    else if (type === 'NS' || type === 'CNAME') data = host(rdata.trim());
    else if (type === 'MX') data = `${words[0]} ${host(words[1] ?? '')}`;
    else if (type === 'SRV') data = `${words[0]} ${words[1]} ${words[2]} ${host(words[3] ?? '')}`;
    else if (type === 'CAA') data = `${words[0]} ${words[1]} ${quotedText(rdata)}`;
    else data = quotedText(rdata);
    lines.push(`${host(name)} ${ttl} ${type} ${data}`);
  }
  return lines.sort();
}

/** The SDK's records (names relative to `zone`) as the same comparable lines. */
export function sdkLines(zone: string, records: readonly DnsRecordInput[]): string[] {
  return records
    .map((r) => {
      const name = r.name === '@' ? zone : `${r.name}.${zone}`;
      let data: string;
      if (r.type === 'AAAA') data = address(r.content);
      else if (r.type === 'NS' || r.type === 'CNAME') data = host(r.content);
      else if (r.type === 'MX') data = `${r.priority ?? 0} ${host(r.content)}`;
      else if (r.type === 'SRV') {
        const [weight, port, target = ''] = r.content.split(' ');
        data = `${r.priority ?? 0} ${weight} ${port} ${host(target)}`;
      } else if (r.type === 'CAA') {
        const [, flags, tag, value = ''] = /^(\S+) (\S+) ([\s\S]*)$/.exec(r.content) ?? [];
        data = `${flags} ${tag} ${quotedText(value)}`;
      } else if (r.type === 'TXT') data = JSON.stringify(parseTxt(r.content));
      else data = r.content;
      return `${host(name)} ${r.ttl ?? 'none'} ${r.type} ${data}`;
    })
    .sort();
}

/** One entry of a master file: the lines it spans and whether it names its owner. */
export interface FileEntry {
  first: number;
  last: number;
  /** The owner as written, or `undefined` for an entry that starts with blank space. */
  owner?: string;
}

/** The entries of a master file (comments, quotes, escapes and parentheses understood), 1-based lines. */
export function fileEntries(text: string): FileEntry[] {
  const entries: FileEntry[] = [];
  let line = 1;
  let depth = 0;
  let current: FileEntry | undefined;
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const startsLine = lineStart;
    lineStart = false;
    if (ch === '\n') {
      if (current) current.last = line;
      if (depth === 0) current = undefined;
      line++;
      lineStart = true;
    } else if (ch === ';') {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (ch !== ' ' && ch !== '\t' && ch !== '\r') {
      if (!current) {
        const owner = /^[^\s;()]+/.exec(text.slice(i))?.[0];
        current = { first: line, last: line, ...(startsLine ? { owner } : {}) };
        entries.push(current);
      }
      if (ch === '(') depth++;
      else if (ch === ')') depth--;
      else if (ch === '\\') i++;
      else if (ch === '"') {
        for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      }
    }
  }
  return entries;
}

/**
 * The file without the entries that start on `lines` (each of their lines commented out, so line numbers
 * stay), the owner of a removed entry written onto the entries that inherited it.
 */
export function withoutEntries(text: string, lines: readonly number[]): string {
  const out = text.split('\n');
  let inherited: string | undefined;
  for (const entry of fileEntries(text)) {
    const removed = lines.includes(entry.first);
    // A directive ($TTL, $ORIGIN) between an entry and the ones that inherit its owner changes nothing.
    if (entry.owner !== undefined && !entry.owner.startsWith('$')) inherited = removed ? entry.owner : undefined;
    if (removed) {
      for (let n = entry.first; n <= entry.last; n++) out[n - 1] = `;${out[n - 1]}`;
    } else if (entry.owner === undefined && inherited !== undefined) {
      out[entry.first - 1] = `${inherited}${out[entry.first - 1]}`;
      inherited = undefined;
    }
  }
  return out.join('\n');
}
