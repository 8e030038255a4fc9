import { describe, expect, it } from 'vitest';
import type { DnsRecordInput } from '../../src/core/dns.js';
import { isValidationError, type ValidationError } from '../../src/core/errors.js';
import { formatZoneFile, parseZoneFile } from '../../src/zone/index.js';

const HEAD =
  '$ORIGIN example.com.\n$TTL 300\n@ SOA ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 600\n@ NS ns1.example.com.\n';
/** The records of `line` after the usual head (line 5 of the file), the apex NS left out. */
const read = (line: string) =>
  parseZoneFile(`${HEAD}${line}\n`).records.filter((r) => !(r.name === '@' && r.type === 'NS'));
const refusal = (text: string): ValidationError => {
  try {
    parseZoneFile(text);
  } catch (error) {
    if (isValidationError(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
};
/** The records of a zone file after formatZoneFile and parseZoneFile again. */
const roundTrip = (records: DnsRecordInput[]) => parseZoneFile(formatZoneFile('example.com', records)).records;
const bytesOf = (text: string) => [...Buffer.from(text, 'utf8')];

describe('zone files: values read as BIND reads them', () => {
  it('a TXT value that is not valid UTF-8 is refused naming the line, never replaced by U+FFFD', () => {
    const error = refusal(`${HEAD}x TXT "caf\\233"\n`);
    expect(Object.keys(error.fields)).toEqual(['line 5']);
    expect(error.message).toMatch(/caf\\233.*not valid UTF-8/);
    expect(error.message).not.toContain('\uFFFD');
  });

  it('\\DDD bytes that form UTF-8 are read as that text and written back to the same bytes', () => {
    const [record] = read('x TXT "caf\\195\\169"');
    expect(record?.content).toBe('café');
    const text = formatZoneFile('example.com', [record!]);
    expect(bytesOf(text.split('\n').find((l) => l.startsWith('x'))!)).toContain(0xc3);
    expect(roundTrip([record!])).toEqual([{ ...record, ttl: 300 }]);
  });

  for (const [value, why] of [
    ['"\\256"', 'a byte over 255'],
    ['"a\\01"', 'two digits'],
    ['"a\\0"', 'one digit'],
    ['a\\01', 'two digits, unquoted'],
  ] as const) {
    it(`refuses the invalid escape ${value} (${why}), naming the line`, () => {
      const error = refusal(`${HEAD}x TXT ${value}\n`);
      expect(Object.keys(error.fields)).toEqual(['line 5']);
      expect(error.message).toMatch(/not an escape/);
    });
  }

  it('reads RFC 3597 generic data of a supported type: \\# 6 0568656C6C6F is TXT "hello"', () => {
    expect(read('x TXT \\# 6 0568656C6C6F')).toEqual([{ type: 'TXT', name: 'x', content: 'hello', ttl: 300 }]);
  });

  it('reads generic data of A, AAAA, MX, SRV and CAA records, and TYPEnnn type names', () => {
    const records = read(
      [
        'a A \\# 4 C0000201',
        'b TYPE28 \\# 16 20010DB8000000000000000000000001',
        'c MX \\# 5 000A016D00',
        '_s._tcp SRV \\# 9 0001000213C4017800',
        'd CAA \\# 13 0005697373756563612E6F7267',
      ].join('\n'),
    );
    expect(records.map((r) => `${r.name} ${r.type} ${r.priority ?? 0} ${r.content}`)).toEqual([
      'a A 0 192.0.2.1',
      'b AAAA 0 2001:db8:0:0:0:0:0:1',
      'c MX 10 m',
      '_s._tcp SRV 1 2 5060 x',
      'd CAA 0 0 issue "ca.org"',
    ]);
  });

  it('refuses generic data whose length does not match, naming the line', () => {
    const error = refusal(`${HEAD}x TXT \\# 7 0568656C6C6F\n`);
    expect(error.fields['line 5']?.join(' ')).toMatch(/length is 7 but the data holds 6 bytes/);
  });

  it('quotes that are data stay data, through formatZoneFile and back', () => {
    const [record] = read('x TXT "\\"hello\\""');
    const text = formatZoneFile('example.com', [record!]);
    expect(text).toMatch(/^x IN TXT "\\"hello\\""$/m);
    const [back] = roundTrip([record!]);
    expect(back?.content).toBe(record?.content);
  });

  it('several strings are one value; a record that differs from another only in where its strings are cut is refused', () => {
    expect(read('x TXT "a" "b"').map((r) => r.content)).toEqual(['ab']);
    const error = refusal(`${HEAD}x TXT "a" "b"\nx TXT "ab"\n`);
    expect(Object.keys(error.fields)).toEqual(['line 6']);
    expect(error.message).toMatch(/line 5/);
    // The same record twice is one record, as in BIND.
    expect(read('x TXT "a" "b"\nx TXT "a" "b"')).toHaveLength(1);
  });

  it('reads a CAA value with \\DDD escapes as BIND does, and writes it back', () => {
    const [record] = read('c CAA 0 issue "a\\059b"');
    expect(record?.content).toBe('0 issue "a;b"');
    expect(formatZoneFile('example.com', [record!])).toMatch(/^c IN CAA 0 issue "a;b"$/m);
    expect(roundTrip([record!])[0]?.content).toBe('0 issue "a;b"');
  });

  for (const name of ['a\\.b', 'b\\195\\188cher', 'a\\032b']) {
    it(`refuses the owner name ${name} rather than turning it into another name`, () => {
      const error = refusal(`${HEAD}${name} A 192.0.2.2\n`);
      expect(Object.keys(error.fields)).toEqual(['line 5']);
      expect(error.message).toMatch(/escaped/);
    });
  }

  it('refuses a name written in UTF-8 (bücher), which BIND reads as raw bytes, naming the A-label to write', () => {
    const error = refusal(`${HEAD}bücher A 192.0.2.2\nwww CNAME bücher.example.com.\n`);
    expect(Object.keys(error.fields)).toEqual(['line 5', 'line 6']);
    expect(error.fields['line 5']?.join(' ')).toMatch(/outside ASCII.*"xn--bcher-kva"/);
    expect(read('xn--bcher-kva A 192.0.2.2').map((r) => r.name)).toEqual(['xn--bcher-kva']);
  });

  it('keeps an escape that spells an ordinary character: w\\097w is waw', () => {
    expect(read('w\\097w A 192.0.2.5').map((r) => r.name)).toEqual(['waw']);
  });

  it('with no TTL anywhere, a record takes the SOA minimum, as BIND does (RFC 2308)', () => {
    const text =
      '$ORIGIN example.com.\n@ SOA ns1.example.com. h.example.com. 1 2 3 4 600\n@ NS ns1.example.com.\nx 900 A 192.0.2.2\ny A 192.0.2.3\n';
    const ttls = parseZoneFile(text).records.map((r) => `${r.name} ${r.type} ${r.ttl}`);
    expect(ttls).toEqual(['@ NS 600', 'x A 900', 'y A 600']);
  });

  it('an SOA with a TTL of its own keeps RFC 1035 semantics: the last TTL stated', () => {
    const text =
      '$ORIGIN example.com.\n@ 3600 SOA ns1.example.com. h.example.com. 1 2 3 4 600\n@ NS ns1.example.com.\n';
    expect(parseZoneFile(text).records.map((r) => r.ttl)).toEqual([3600]);
  });
});

describe('zone files: what BIND writes, and errors that say what is wrong', () => {
  it('reads $ORIGIN . and absolute names, as named-compilezone writes them', () => {
    const text =
      '$ORIGIN .\n$TTL 300\nexample.com IN SOA ns1.example.com. h.example.com. 1 2 3 4 600\n\t\t\tNS ns1.example.com.\n$ORIGIN example.com.\nwww A 192.0.2.1\n';
    const { origin, records } = parseZoneFile(text);
    expect(origin).toBe('example.com');
    expect(records.map((r) => `${r.name} ${r.type} ${r.content}`)).toEqual(['@ NS ns1.example.com', 'www A 192.0.2.1']);
  });

  it('refuses a CNAME beside other data at parse time, naming both lines (the writer would refuse it too)', () => {
    const error = refusal(`${HEAD}www CNAME example.com.\nwww A 192.0.2.1\n`);
    expect(Object.keys(error.fields)).toEqual(['line 6']);
    expect(error.message).toMatch(/beside the CNAME at "www" on line 5/);
  });

  it('refuses two different CNAMEs at one name, naming the second line', () => {
    const error = refusal(`${HEAD}www CNAME a.example.com.\nwww CNAME b.example.com.\n`);
    expect(error.fields['line 6']?.join(' ')).toMatch(/second CNAME.*line 5/);
  });

  it('everything parseZoneFile accepts, formatZoneFile writes (an identical CNAME twice is one record)', () => {
    const records = read('www CNAME example.com.\nwww CNAME example.com.');
    expect(() => formatZoneFile('example.com', records)).not.toThrow();
  });

  it('takes CLASS1 as IN, and reports ANY as a class the SDK does not support, not as a type', () => {
    expect(read('x CLASS1 A 192.0.2.4').map((r) => r.content)).toEqual(['192.0.2.4']);
    const error = refusal(`${HEAD}x ANY A 192.0.2.4\n`);
    expect(error.fields['line 5']?.join(' ')).toMatch(/class IN is supported, not the class ANY/);
  });

  it('an SRV target with an escaped space is a bad host name, not a misplaced priority', () => {
    const error = refusal(`${HEAD}_s._tcp SRV 0 0 1 a\\032b.example.com.\n`);
    const message = error.fields['line 5']?.join(' ') ?? '';
    expect(message).toMatch(/escaped byte/);
    expect(message).not.toMatch(/priority/);
  });

  for (const [line, pattern] of [
    ['$INCLUDE other.zone', /\$INCLUDE is not supported/],
    ['$GENERATE 1-3 h$ A 192.0.2.$', /\$GENERATE is not supported/],
    ['x HINFO "pc" "linux"', /record type HINFO is not supported/],
    ['x TYPE65 \\# 0', /record type TYPE65 is not supported/],
  ] as const) {
    it(`keeps a documented limit as a clear error: ${line.split(' ')[0]} ${line.split(' ')[1]}`, () => {
      const error = refusal(`${HEAD}${line}\n`);
      expect(error.fields['line 5']?.join(' ')).toMatch(pattern);
    });
  }
});
