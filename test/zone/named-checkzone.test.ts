import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DnsRecordInput } from '../../src/core/dns.js';
import { formatZoneFile, parseZoneFile } from '../../src/zone/index.js';

// BIND's own checker (Debian package bind9-utils) reads the same files; without it these checks skip.
const checker = spawnSync('named-checkzone', ['-v'], { encoding: 'utf8' });
const available = checker.status === 0;
if (!available)
  console.log('named-checkzone not found (install bind9-utils): zone files are not cross-checked with BIND');

const dir = mkdtempSync(join(tmpdir(), 'setec-zone-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const sets = (records: DnsRecordInput[]) =>
  records.map((r) => `${r.name} ${r.type} ${r.ttl ?? 14400} ${r.priority ?? 0} ${r.content}`).sort();

/** BIND's canonical dump of a zone file (absolute names, every TTL stated), or its complaint. */
function bindDump(origin: string, text: string): string {
  const file = join(dir, `${origin}.zone`);
  writeFileSync(file, text);
  return execFileSync('named-checkzone', ['-q', '-D', '-o', '-', origin, file], { encoding: 'utf8' });
}

const SOA =
  '@ 3600 IN SOA ns1.example.net. hostmaster.example.com. 1 7200 3600 1209600 300\n@ 3600 IN NS ns1.example.net.\n';

describe.skipIf(!available)('zone: files cross-checked with BIND named-checkzone', () => {
  for (const [name, origin] of [
    ['example.com.zone', 'example.com'],
    ['minimal.zone', 'example.org'],
  ] as const) {
    it(`BIND reads ${name} to the same records as parseZoneFile`, () => {
      const ours = parseZoneFile(fixture(name), { origin });
      const theirs = parseZoneFile(bindDump(origin, fixture(name)), { origin });
      // BIND lowercases addresses and keeps CAA values quoted like we do; compare what the SDK compares.
      const canon = (r: DnsRecordInput) => ({ ...r, content: r.type === 'AAAA' ? r.content.toLowerCase() : r.content });
      expect(sets(theirs.records.map(canon))).toEqual(sets(ours.records.map(canon)));
    });
  }

  it('BIND accepts what formatZoneFile writes and reads it to the same records', () => {
    const records: DnsRecordInput[] = [
      { type: 'A', name: '@', content: '192.0.2.1', ttl: 300 },
      { type: 'MX', name: '@', content: 'mail.example.com', priority: 10, ttl: 3600 },
      { type: 'TXT', name: '@', content: `v=spf1 ${'include:_spf.example.com '.repeat(12)}~all`, ttl: 3600 },
      { type: 'TXT', name: 'esc', content: 'say "hi" \\ tab\there ☃', ttl: 3600 },
      { type: 'SRV', name: '_sip._tcp', content: '5 5060 sip.example.com', priority: 10, ttl: 3600 },
      { type: 'CAA', name: '@', content: '0 issue "letsencrypt.org"', ttl: 3600 },
      { type: 'CNAME', name: 'www', content: 'example.com', ttl: 3600 },
      { type: 'AAAA', name: 'v6', content: '2001:db8::1', ttl: 3600 },
    ];
    const text = formatZoneFile('example.com', records).replace(/\$TTL \d+\n/, (ttl) => `${ttl}${SOA}`);
    const back = parseZoneFile(bindDump('example.com', text), { origin: 'example.com' });
    const withoutApexNs = back.records.filter((r) => !(r.type === 'NS' && r.name === '@'));
    expect(sets(withoutApexNs)).toEqual(sets(records));
  });
});
