import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DnsRecordInput } from '../../../src/core/dns.js';
import { quickRecord } from '../../../src/core/validation/quick-record.js';
import { checkRecord, normalizeRecord } from '../../../src/core/validation/record.js';

/** What a call returns, or the fields and messages of the error it throws. */
function outcome(fn: () => unknown): unknown {
  try {
    return { value: fn() };
  } catch (error) {
    return { error: (error as { fields?: unknown }).fields ?? String(error) };
  }
}

// Pieces chosen to sit on every boundary of the fast path: case, `*`, `-` at label ends, `_`, digits-only
// labels, dots (leading, doubled, trailing), spaces, non-ASCII, long labels, leading zeros.
const label = fc.oneof(
  fc.constantFrom(
    'www',
    'WWW',
    'a',
    '_sip',
    '_tcp',
    'x-y',
    '-x',
    'x-',
    '*',
    '**',
    '1',
    '123',
    'xn--bcher-kva',
    'bücher',
  ),
  fc.constantFrom('a b', 'a\tb', '', 'é', 'A_b', '0x', 'a'.repeat(63), 'b'.repeat(64), 'ｗｗｗ'),
);
const dotted = fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'));
const name = fc.oneof(
  dotted,
  dotted.map((n) => `${n}.`),
  fc.constantFrom('@', '', '.', 'example.com', 'www.example.com'),
);
const host = fc.oneof(
  dotted,
  dotted.map((n) => `${n}.`),
  fc.constantFrom('.', '1.2.3.4', 'a.b.123', 'x.'.repeat(130), ' a.b', 'a.b '),
);
const number = fc.constantFrom('0', '5', '05', '65535', '65536', '1234567890', '12345678901', '-1', '1.5', '');
const ipv4 = fc.constantFrom('192.0.2.1', '01.2.3.4', '256.0.0.1', '1.2.3', ' 1.2.3.4', '0.0.0.0');
const ipv6 = fc.constantFrom(
  '2001:DB8::1',
  '::1',
  '::',
  '::ffff:1.2.3.4',
  '1::2::3',
  'fe80::1%eth0',
  '2001:db8:0:0:0:0:0:1',
);
const srv = fc
  .tuple(number, number, host, fc.constantFrom(' ', '  ', '\t'))
  .map(([w, p, t, sep]) => `${w}${sep}${p} ${t}`);
const txt = fc.constantFrom('v=spf1 -all', '"quoted"', '"a" "b"', '', '"\\065"', 'caf\u00e9', '"unterminated');
const content = fc.oneof(
  host,
  ipv4,
  ipv6,
  srv,
  txt,
  number,
  fc.constantFrom('0 issue "ca.org"', '10 mail.example.com'),
);
const type = fc.constantFrom('A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'SRV', 'CAA', 'a', 'mx', 'SOA');
const optional = (arb: fc.Arbitrary<unknown>) => fc.option(arb, { nil: undefined });
const record = fc.record({
  type,
  name,
  content,
  ttl: optional(fc.constantFrom(0, 59, 60, 300, 2147483647, 2147483648, 1.5, '300', Number.NaN)),
  priority: optional(fc.constantFrom(0, 10, 65535, 65536, -1, 2.5, '10')),
}) as fc.Arbitrary<DnsRecordInput>;
const zone = fc.constantFrom(undefined, 'example.com', 'Example.COM', '');

describe('validation: the fast path for common records', () => {
  it('returns exactly what the full check returns, and refuses exactly what it refuses (property)', () => {
    fc.assert(
      fc.property(record, zone, (input, z) => {
        expect(outcome(() => normalizeRecord(input, 'r.', z))).toEqual(outcome(() => checkRecord(input, 'r.', z)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('answers by itself for the common records of a zone, the same as the full check', () => {
    const common: DnsRecordInput[] = [
      { type: 'A', name: 'www', content: '192.0.2.1', ttl: 300 },
      { type: 'AAAA', name: 'Host1', content: '2001:DB8::1' },
      { type: 'MX', name: '@', content: 'Mail.Example.com.', priority: 10 },
      { type: 'CNAME', name: '*.dev', content: 'target.example.net' },
      { type: 'TXT', name: '_dmarc', content: '"v=DMARC1; p=none"' },
      { type: 'NS', name: 'sub', content: 'ns1.example.net.' },
      { type: 'SRV', name: '_sip._tcp', content: '5 5060 SIP.example.com.', priority: 10, ttl: 3600 },
    ];
    for (const input of common) {
      expect(quickRecord(input, 'example.com'), input.type).toEqual(checkRecord(input, '', 'example.com'));
    }
  });

  it('leaves to the full check what it cannot be sure of: names in the zone, IDNs, CAA, a CNAME at the apex', () => {
    for (const input of [
      { type: 'A', name: 'www.example.com', content: '192.0.2.1' },
      { type: 'A', name: 'bücher', content: '192.0.2.1' },
      { type: 'CAA', name: '@', content: '0 issue "ca.org"' },
      { type: 'CNAME', name: '@', content: 'example.net' },
    ] as DnsRecordInput[])
      expect(quickRecord(input, 'example.com'), input.name).toBeUndefined();
  });
});
