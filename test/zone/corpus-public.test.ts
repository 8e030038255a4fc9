import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DNS_RECORD_TYPES } from '../../src/core/dns.js';
import { isValidationError } from '../../src/core/errors.js';
import { formatZoneFile, parseZoneFile } from '../../src/zone/index.js';
import { bindLines, sdkLines, withoutEntries } from '../support/zone-canon.js';

// Zone files written by other projects (BIND, NSD, Knot, dnspython, octoDNS, ...), read by BIND's own
// compiler (Debian package bind9-utils) and by parseZoneFile. Without BIND: one notice and a skip, or a
// failure where CI must run it.
const available = spawnSync('named-compilezone', ['-v'], { encoding: 'utf8' }).status === 0;
if (!available) {
  if (process.env.CI === 'true') throw new Error('named-compilezone is required under CI=true (install bind9-utils)');
  console.log('named-compilezone not found (install bind9-utils): the public zone corpus is not cross-checked');
}

const DIR = new URL('./fixtures/corpus/public/', import.meta.url);
const README = readFileSync(new URL('README.md', DIR), 'utf8');
/** The README's table: every file with its zone, where it comes from and its licence. */
const SOURCES = [...README.matchAll(/^\| `([^`]+)` \| `([^`]+)` \| ([^|]+) \| ([^|]+) \|$/gm)].map((m) => ({
  file: m[1] as string,
  origin: m[2] as string,
  source: m[3] as string,
  licence: m[4] as string,
}));
const files = readdirSync(DIR).filter((f) => f.endsWith('.zone'));

/**
 * What the test changes before both readers see a file, each stated in the README: lines BIND refuses
 * (left out), address records BIND needs before it loads a zone whose name servers are inside it, and a
 * one-label zone moved one level down (the SDK reads zones of registrable domains, `example.test`).
 */
const ADJUST: Record<string, { omit?: number[]; append?: string; rename?: [RegExp, string] }> = {
  'dnspython.example.zone': { omit: [129], rename: [/\bexample\b/g, 'example.test'] },
  'knot.records.zone': { omit: [111], rename: [/\brecords\./gi, 'records.test.'] },
  'bind9.case.example.zone': { rename: [/\bexample\./gi, 'example.test.'] },
  'bind9.wildcard.example.zone': { rename: [/\bexample\./g, 'example.test.'] },
  'knot.flags.zone': { rename: [/\bflags\./g, 'flags.test.'] },
  'knot.wild.zone': { rename: [/\bwild\./g, 'wild.test.'] },
  'nlnetlabs-domain.rfc1034-6-1-edu.zone': { rename: [/\bEDU\./g, 'EDU.TEST.'] },
  'nlnetlabs-domain.rfc4035-appendix-A.zone': { rename: [/\bexample\./g, 'example.test.'] },
  'pdns.test.com.zone': { omit: [31] },
  'octodns-bind.unit.tests.zone': { append: 'ns1 3600 IN A 192.0.2.1\nns2 3600 IN A 192.0.2.2\n' },
};

/** What the SDK refuses on purpose, each message naming its line: its documented limits and rules. */
const LIMITS: Record<string, RegExp> = {
  // A record type the SDK does not model (DNSKEY, PTR, TLSA, ...).
  type: /the record type (\S+) is not supported/,
  // A name holding an escaped dot or byte, which would become another name.
  escaped: /holds an escaped|holds "\\\d+", which is not an escape/,
  // Text that is not UTF-8.
  utf8: /is not valid UTF-8 text/,
  // The rules dns.create applies: a wildcard only as the first label, a host name as MX/CNAME/NS
  // target (not the root), a TTL of at least 60 s, no reserved character in a name.
  wildcard: /^name "[^"]*" is not a valid record name: bad label "\*"/,
  root: /^content "\." is not a valid host name/,
  ttl: /^ttl must be an integer from 60/,
  reserved: /^name "[^"]*" is not a valid record name .*reserved character/,
};

/** How many records of each file the SDK refuses, by reason (files not listed: none). */
const REFUSED: Record<string, Record<string, number>> = {
  'bind9.additional.mx.zone': { type: 1 },
  'bind9.additional.naptr.zone': { type: 1 },
  'bind9.additional.srv.zone': { type: 1 },
  'bind9.chain.example.zone': { type: 6 },
  'bind9.checkzone.good1.zone': { type: 1 },
  'bind9.digdelv.example.zone': { type: 2, ttl: 1 },
  'bind9.wildcard.example.zone': { wildcard: 2 },
  'dnscontrol.example.org.zone': { type: 89, reserved: 5, ttl: 6, root: 1 },
  'dnspython.example.zone': { type: 56, root: 2 },
  'hickory-dns.bind-example.com.zone': { type: 1 },
  'knot.flags.zone': { type: 1, wildcard: 2 },
  'knot.records.zone': { type: 38, escaped: 24 },
  'knot.wild.zone': { type: 2 },
  'nlnetlabs-domain.rfc4035-appendix-A.zone': { type: 3 },
  'nsd.bug086_chars.zone': { reserved: 12 },
  'nsd.bug101_spf.zone': { type: 4 },
  'octodns-bind.unit.tests.zone': { type: 6 },
  'pdns.dnssec-parent.com.zone': { type: 1 },
  'pdns.test.com.zone': { type: 5, root: 2 },
  'pdns.wtest.com.zone': { root: 1 },
};

const dir = mkdtempSync(join(tmpdir(), 'setec-public-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** BIND's canonical dump of `text`, with the checks that are about zone policy rather than reading off. */
function bindDump(origin: string, text: string): string {
  const file = join(dir, `${origin}.zone`);
  writeFileSync(file, text);
  const relaxed = ['-i', 'none', '-k', 'ignore', '-n', 'ignore', '-m', 'ignore', '-M', 'ignore', '-S', 'ignore'];
  return execFileSync('named-compilezone', ['-q', ...relaxed, '-s', 'full', '-o', '-', origin, file], {
    encoding: 'utf8',
  });
}

/** The lines the SDK refuses and why, from its ValidationError; none when it reads the whole file. */
function refusals(text: string, origin: string): Map<number, string> {
  try {
    parseZoneFile(text, { origin });
    return new Map();
  } catch (error) {
    if (!isValidationError(error)) throw error;
    return new Map(Object.entries(error.fields).map(([key, messages]) => [Number(key.slice(5)), messages.join(' ')]));
  }
}

const limitOf = (message: string) => Object.keys(LIMITS).find((k) => LIMITS[k]?.test(message));

describe('public zone corpus: every file is listed with its source and licence', () => {
  it('holds twenty or more files, each in the README table with a licence, and nothing unlisted', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(SOURCES.map((s) => s.file).sort()).toEqual([...files].sort());
    for (const s of SOURCES) expect(s.source).toMatch(/github\.com\/[\w.-]+\/[\w.-]+.*`[0-9a-f]{40}`/);
  });
});

describe.skipIf(!available)('public zone corpus: parseZoneFile agrees with BIND named-compilezone', () => {
  for (const { file, origin } of SOURCES) {
    const raw = readFileSync(new URL(file, DIR), 'utf8');
    const { omit = [], append = '', rename } = ADJUST[file] ?? {};
    const text = (rename ? withoutEntries(raw, omit).replace(...rename) : withoutEntries(raw, omit)) + append;
    const refused = refusals(text, origin);
    const kept = withoutEntries(text, [...refused.keys()]);

    it(`${file}: whatever the SDK refuses is a documented limit, named by its line`, () => {
      const counts: Record<string, number> = {};
      for (const [line, message] of refused) {
        const limit = limitOf(message);
        expect(limit, `line ${line}: ${message}`).toBeDefined();
        counts[limit ?? ''] = (counts[limit ?? ''] ?? 0) + 1;
        const type = LIMITS.type?.exec(message)?.[1];
        if (type) expect(DNS_RECORD_TYPES as readonly string[]).not.toContain(type);
        if (type) expect(raw.split('\n')[line - 1]?.toUpperCase()).toContain(type);
      }
      expect(counts).toEqual(REFUSED[file] ?? {});
    });

    it(`${file}: every other record reads as BIND reads it (name, TTL, type, value)`, () => {
      const ours = parseZoneFile(kept, { origin });
      const theirs = bindLines(bindDump(origin, kept));
      expect(theirs.length).toBeGreaterThan(0);
      expect(sdkLines(origin, ours.records)).toEqual(theirs);
    });

    if ([...refused.values()].every((m) => limitOf(m) === 'type')) {
      it(`${file}: leaving out the records of types the SDK does not model loses no other record`, () => {
        expect(bindLines(bindDump(origin, kept))).toEqual(bindLines(bindDump(origin, text)));
      });
    }

    it(`${file}: formatZoneFile writes the records back to a file BIND reads the same`, () => {
      const { records } = parseZoneFile(kept, { origin });
      const soa = `@ 3600 IN SOA ns.invalid. hostmaster.invalid. 1 7200 3600 1209600 300\n`;
      const ns = records.some((r) => r.name === '@' && r.type === 'NS') ? '' : '@ 3600 IN NS ns.invalid.\n';
      const written = formatZoneFile(origin, records).replace(/^(\$TTL \d+\n)/m, `$1${soa}${ns}`);
      const back = bindLines(bindDump(origin, written)).filter((l) => !(ns && l === `${origin} 3600 NS ns.invalid`));
      expect(back).toEqual(sdkLines(origin, records));
    });
  }
});
