import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DnsRecordInput } from '../../src/core/dns.js';
import { isValidationError, type ValidationError } from '../../src/core/errors.js';
import { formatZoneFile, parseZoneFile } from '../../src/zone/index.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
};
/** Records as comparable lines, order-free. */
const sets = (records: DnsRecordInput[]) =>
  records.map((r) => `${r.name} ${r.type} ${r.ttl ?? 14400} ${r.priority ?? 0} ${r.content}`).sort();

describe('zone: parseZoneFile', () => {
  it('reads $ORIGIN, $TTL units, @, omitted owners, class before or after the TTL, parentheses and comments', () => {
    const { origin, records } = parseZoneFile(fixture('example.com.zone'));
    expect(origin).toBe('example.com');
    expect(sets(records)).toEqual(
      [
        '@ NS 3600 0 ns1.example.net',
        '@ NS 3600 0 ns2.example.net',
        '@ A 300 0 192.0.2.1',
        '@ AAAA 300 0 2001:DB8::1',
        '@ MX 3600 10 mail.example.com',
        '@ MX 3600 20 mx2.example.com',
        'mail A 86400 0 192.0.2.25',
        'www CNAME 3600 0 example.com',
        '@ TXT 3600 0 v=spf1 include:_spf.example.com ~all',
        '_dmarc TXT 3600 0 v=DMARC1; p=reject; rua=mailto:dmarc@example.com',
        'quote TXT 3600 0 she said "hi" \\ byeplain-word',
        'bytes TXT 3600 0 café',
        '_sip._tcp SRV 3600 10 5 5060 sip.example.com',
        'sip A 3600 0 192.0.2.40',
        '@ CAA 3600 0 0 issue "letsencrypt.org"',
        'api.dev A 3600 0 192.0.2.50',
        '*.dev A 3600 0 192.0.2.51',
      ].sort(),
    );
  });

  it('finds every earlier name in a file of many short records: a repeat is one record, a CNAME beside one is refused', () => {
    const lines = Array.from({ length: 6000 }, (_, i) => `h${i} A 10.0.${i >> 8}.${i & 255}`);
    const text = `$ORIGIN example.com.\n$TTL 300\n${lines.join('\n')}\nh7 A 10.0.0.7\nH5999 A 10.0.23.111\n`;
    const { records } = parseZoneFile(text);
    expect(records).toHaveLength(6000);
    expect(records.filter((r) => r.name === 'h7')).toEqual([{ type: 'A', name: 'h7', content: '10.0.0.7', ttl: 300 }]);
    const error = errorOf(() => parseZoneFile(`${text}h3 CNAME example.net.\nh5998 CNAME example.net.\n`));
    expect(error.fields).toEqual({
      'line 6005': ['a CNAME at "h3" cannot coexist with the A record on line 6'],
      'line 6006': ['a CNAME at "h5998" cannot coexist with the A record on line 6001'],
    });
  });

  it('reads absolute owner names inside the origin given as an option, and skips SOA', () => {
    const { origin, records } = parseZoneFile(fixture('minimal.zone'), { origin: 'Example.ORG' });
    expect(origin).toBe('example.org');
    expect(sets(records)).toEqual(
      ['@ NS 300 0 ns.example.net', '@ A 300 0 198.51.100.7', 'www CNAME 300 0 example.org'].sort(),
    );
  });

  it('without $TTL, a record takes the last TTL stated', () => {
    const { records } = parseZoneFile('a 600 A 192.0.2.1\nb A 192.0.2.2\n', { origin: 'example.com' });
    expect(records.map((r) => r.ttl)).toEqual([600, 600]);
  });

  it('names the line of every problem', () => {
    const text = [
      '$ORIGIN example.com.', // 1
      'ok A 192.0.2.1', // 2
      'bad A 256.1.1.1', // 3
      'far.example.net. A 192.0.2.1', // 4
      'x HINFO "pc" "linux"', // 5
      'y CH A 192.0.2.1', // 6
      '$INCLUDE other.zone', // 7
      'z MX mail', // 8
    ].join('\n');
    const error = errorOf(() => parseZoneFile(text));
    expect(isValidationError(error)).toBe(true);
    expect(Object.keys(error.fields)).toEqual(['line 3', 'line 4', 'line 5', 'line 6', 'line 7', 'line 8']);
    expect(error.fields['line 4']?.[0]).toContain('outside the zone example.com');
    expect(error.fields['line 5']?.[0]).toContain('HINFO is not supported');
    expect(error.message).toContain('line 3 content');
  });

  it('refuses a file for another zone with one error on its $ORIGIN line, not one per record', () => {
    const text = ['$TTL 300', '$ORIGIN other.com.', '@ A 192.0.2.1', 'www A 192.0.2.2', 'mail MX 10 mx'].join('\n');
    const error = errorOf(() => parseZoneFile(text, { origin: 'example.com' }));
    expect(isValidationError(error)).toBe(true);
    expect(error.fields).toEqual({
      'line 2': ['$ORIGIN other.com. is outside the zone example.com: is the file for other.com?'],
    });
    // A $ORIGIN inside the zone still works.
    const inside = parseZoneFile('$ORIGIN lab.example.com.\nwww A 192.0.2.3', { origin: 'example.com' });
    expect(inside.records).toEqual([expect.objectContaining({ name: 'www.lab', content: '192.0.2.3' })]);
  });

  it('names the line of an unterminated string or parenthesis', () => {
    expect(errorOf(() => parseZoneFile('a TXT "open\n', { origin: 'example.com' })).fields).toEqual({
      'line 1': ['a quoted string does not end on its line'],
    });
    expect(
      Object.keys(errorOf(() => parseZoneFile('\n\na A ( 192.0.2.1\n', { origin: 'example.com' })).fields),
    ).toEqual(['line 3']);
  });

  it('needs an origin: the option or a $ORIGIN', () => {
    expect(errorOf(() => parseZoneFile('www A 192.0.2.1')).fields).toEqual({
      'line 1': ['the relative name "www" is used before any $ORIGIN (pass the origin option)'],
    });
  });
});

describe('zone: formatZoneFile', () => {
  it('writes $ORIGIN, $TTL, sorted lines, absolute host names and split long TXT', () => {
    const long = 'x'.repeat(300);
    const text = formatZoneFile('example.com', [
      { type: 'TXT', name: 'long', content: long, ttl: 3600 },
      { type: 'MX', name: '@', content: 'mail.example.com', priority: 10, ttl: 3600 },
      { type: 'A', name: '@', content: '192.0.2.1', ttl: 300 },
    ]);
    expect(text.split('\n')).toEqual([
      '$ORIGIN example.com.',
      '$TTL 3600',
      '@    300 IN A   192.0.2.1',
      '@        IN MX  10 mail.example.com.',
      `long     IN TXT "${'x'.repeat(255)}" "${'x'.repeat(45)}"`,
      '',
    ]);
  });

  it('reads back what it wrote: the same record sets (property)', () => {
    const label = fc.stringMatching(/^[a-z0-9_][a-z0-9-]{0,10}[a-z0-9]$/);
    const name = fc.oneof(
      fc.constant('@'),
      label,
      fc.tuple(label, label).map(([a, b]) => `${a}.${b}`),
    );
    const host = fc
      .tuple(label, fc.constantFrom('example.com', 'example.net'))
      .map(([a, b]) => `${a}.${b}`.replace(/^_/, 'u'));
    const ttl = fc.integer({ min: 60, max: 2_147_483_647 });
    const record: fc.Arbitrary<DnsRecordInput> = fc.oneof(
      fc.record({ type: fc.constant('A' as const), name, content: fc.ipV4(), ttl }),
      fc.record({
        type: fc.constant('MX' as const),
        name,
        content: host,
        ttl,
        priority: fc.integer({ min: 0, max: 65535 }),
      }),
      fc.record({ type: fc.constant('NS' as const), name, content: host, ttl }),
      fc.record({
        type: fc.constant('TXT' as const),
        name,
        content: fc.string({ unit: 'grapheme', maxLength: 600 }),
        ttl,
      }),
      fc.record({
        type: fc.constant('SRV' as const),
        name: label.map((l) => `_${l}._tcp`),
        content: fc.tuple(fc.nat(65535), fc.nat(65535), host).map(([w, p, h]) => `${w} ${p} ${h}`),
        ttl,
        priority: fc.nat(65535),
      }),
    );
    fc.assert(
      fc.property(fc.array(record, { maxLength: 12 }), (records) => {
        const back = parseZoneFile(formatZoneFile('example.com', records), { origin: 'example.com' });
        expect(back.origin).toBe('example.com');
        // Record sets are sets: a record listed twice is one record, as BIND reads it (with the first TTL).
        const seen = new Set<string>();
        const unique = records.filter((r) => {
          const key = `${r.name} ${r.type} ${r.priority ?? 0} ${r.content}`;
          return !seen.has(key) && Boolean(seen.add(key));
        });
        expect(sets(back.records)).toEqual([...new Set(sets(unique))]);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps TXT escapes, control characters and multi-byte text through a round trip', () => {
    const content = 'a "quoted" \\ back\tslash\nnew line; not a comment (nor a paren) ☃ 😀';
    const text = formatZoneFile('example.com', [{ type: 'TXT', name: '@', content }]);
    expect(text).toContain('\\"quoted\\" \\\\ back\\009slash\\010new line');
    expect(parseZoneFile(text).records).toEqual([{ type: 'TXT', name: '@', content, ttl: 14400 }]);
  });

  it('refuses a bad record, naming it', () => {
    const error = errorOf(() => formatZoneFile('example.com', [{ type: 'A', name: '@', content: 'nope' }]));
    expect(Object.keys(error.fields)).toEqual(['records.0.content']);
  });
});
