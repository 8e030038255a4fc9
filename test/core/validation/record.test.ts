import { describe, expect, it } from 'vitest';
import type { DnsRecordInput } from '../../../src/core/dns.js';
import { ValidationError } from '../../../src/core/errors.js';
import {
  assertZoneConsistent,
  normalizeRecord,
  sameRecord,
  validateRecords,
} from '../../../src/core/validation/index.js';

function fieldsOf(fn: () => unknown): Record<string, string[]> {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).fields;
  }
  throw new Error('expected a ValidationError');
}

const rec = (r: Partial<DnsRecordInput> & Pick<DnsRecordInput, 'type' | 'content'>): DnsRecordInput => ({
  name: '@',
  ...r,
});

describe('validation: DNS records', () => {
  it('fills ttl 14400 and priority 0 by default', () => {
    expect(normalizeRecord(rec({ type: 'A', name: 'WWW', content: '1.2.3.4' }))).toEqual({
      type: 'A',
      name: 'www',
      content: '1.2.3.4',
      ttl: 14400,
      priority: 0,
    });
  });

  it('A content must be a strict IPv4 address, named as records.0.content', () => {
    expect(normalizeRecord(rec({ type: 'A', content: '1.2.3.4' })).content).toBe('1.2.3.4');
    for (const bad of ['01.2.3.4', '0x7f.0.0.1', '1.2.3', '256.1.1.1', ' 1.2.3.4', '::1']) {
      expect(
        fieldsOf(() => validateRecords([rec({ type: 'A', content: bad })])),
        bad,
      ).toHaveProperty(['records.0.content']);
    }
  });

  it('AAAA content must be an IPv6 address without a zone id', () => {
    expect(normalizeRecord(rec({ type: 'AAAA', content: '2001:DB8::1' })).content).toBe('2001:db8::1');
    expect(normalizeRecord(rec({ type: 'AAAA', content: '::1' })).content).toBe('::1');
    for (const bad of ['fe80::1%eth0', '1.2.3.4']) {
      expect(
        fieldsOf(() => normalizeRecord(rec({ type: 'AAAA', content: bad }))),
        bad,
      ).toHaveProperty('content');
    }
  });

  it('MX keeps the priority separate and lowercases the target', () => {
    expect(normalizeRecord(rec({ type: 'MX', content: 'Mail.Example.com.', priority: 10 }))).toMatchObject({
      content: 'mail.example.com',
      priority: 10,
    });
    expect(fieldsOf(() => normalizeRecord(rec({ type: 'MX', content: '10 mail.example.com' })))).toHaveProperty(
      'content',
    );
  });

  it.each([-1, 65536, 1.5, Number.NaN])('MX and SRV priority %s is rejected', (priority) => {
    expect(
      fieldsOf(() => normalizeRecord(rec({ type: 'MX', content: 'mx.example.com', priority }), 'records.2.')),
    ).toHaveProperty(['records.2.priority']);
    expect(
      fieldsOf(() =>
        normalizeRecord(rec({ type: 'SRV', name: '_sip._tcp', content: '5 5060 sip.example.com', priority })),
      ),
    ).toHaveProperty('priority');
  });

  it('priority is forced to 0 for types other than MX and SRV', () => {
    expect(normalizeRecord(rec({ type: 'A', content: '1.2.3.4', priority: 10 })).priority).toBe(0);
  });

  it('SRV content is "weight port target" with weight and port in 0–65535', () => {
    expect(
      normalizeRecord(rec({ type: 'SRV', name: '_sip._tcp', content: '5 5060 SIP.example.com.', priority: 10 })),
    ).toMatchObject({
      content: '5 5060 sip.example.com',
      priority: 10,
    });
    for (const bad of [
      '65536 5060 sip.example.com',
      '5 65536 sip.example.com',
      '-1 5 sip.example.com',
      '10 5 5060 sip.example.com',
      '5 5060',
      '5 5060 1.2.3.4',
    ]) {
      expect(
        fieldsOf(() => normalizeRecord(rec({ type: 'SRV', name: '_sip._tcp', content: bad }))),
        bad,
      ).toHaveProperty('content');
    }
  });

  it('CAA flags must be ≤ 255 and the tag ≤ 15 characters', () => {
    expect(normalizeRecord(rec({ type: 'CAA', content: '128 ISSUEWILD ";"' })).content).toBe('128 issuewild ";"');
    for (const bad of [
      '256 issue "ca.example"',
      '0 abcdefghijklmnop "ca.example"',
      '0 issue',
      'issue "ca.example"',
      '0 is-sue "x"',
    ]) {
      expect(
        fieldsOf(() => normalizeRecord(rec({ type: 'CAA', content: bad }))),
        bad,
      ).toHaveProperty('content');
    }
  });

  it('CAA content has one form: the value bare when it is plain ASCII, else quoted with " and \\ escaped', () => {
    const caa = (content: string) => normalizeRecord(rec({ type: 'CAA', content })).content;
    expect(caa('0 issue "letsencrypt.org"')).toBe('0 issue letsencrypt.org');
    expect(caa('0 issue letsencrypt.org')).toBe('0 issue letsencrypt.org');
    expect(caa('0 iodef "mailto:sec@example.com"')).toBe('0 iodef mailto:sec@example.com');
    expect(caa('0 issue "letsencrypt\\046org"')).toBe('0 issue letsencrypt.org');
    expect(caa('0 issue "ca.example; validationmethods=dns-01"')).toBe(
      '0 issue "ca.example; validationmethods=dns-01"',
    );
    expect(caa('0 issue ca.example; account=1')).toBe('0 issue "ca.example; account=1"');
    expect(caa('0 tbs "say \\"hi\\" \\\\o/"')).toBe('0 tbs "say \\"hi\\" \\\\o/"');
    expect(caa('0 tbs "h\\195\\169llo"')).toBe('0 tbs "héllo"');
    expect(caa('0 issue ""')).toBe('0 issue ""');
  });

  it.each(['MX', 'NS', 'CNAME'] as const)('a %s target that is an IP address is rejected', (type) => {
    for (const ip of ['1.2.3.4', '2001:db8::1']) {
      expect(
        fieldsOf(() => normalizeRecord(rec({ type, name: 'sub', content: ip }))),
        ip,
      ).toHaveProperty('content');
    }
  });

  it('a CNAME at @ is rejected on the name field', () => {
    expect(fieldsOf(() => validateRecords([rec({ type: 'CNAME', content: 'example.net' })]))).toHaveProperty([
      'records.0.name',
    ]);
  });

  it('a CNAME next to another type at the same name is rejected', () => {
    const fields = fieldsOf(() =>
      validateRecords([
        { type: 'A', name: 'www', content: '1.2.3.4' },
        { type: 'CNAME', name: 'WWW', content: 'example.net' },
      ]),
    );
    expect(fields).toHaveProperty(['records.1.type']);
    expect(() =>
      assertZoneConsistent([
        { name: 'x', type: 'CNAME' },
        { name: 'x', type: 'CNAME' },
      ]),
    ).toThrow(ValidationError);
    expect(() =>
      assertZoneConsistent([
        { name: 'x', type: 'CNAME' },
        { name: 'y', type: 'A' },
      ]),
    ).not.toThrow();
  });

  it('rejects an unknown type, a TTL outside 60–2147483647 and a bad name, naming every field', () => {
    const fields = fieldsOf(() =>
      validateRecords([
        { type: 'A', name: 'ok', content: '1.2.3.4' },
        { type: 'PTR' as 'A', name: 'x', content: 'y' },
        { type: 'A', name: 'a b', content: '1.2.3.4', ttl: 59 },
      ]),
    );
    expect(Object.keys(fields).sort()).toEqual(['records.1.type', 'records.2.name', 'records.2.ttl']);
    expect(normalizeRecord(rec({ type: 'A', content: '1.2.3.4', ttl: 2147483647 })).ttl).toBe(2147483647);
    expect(fieldsOf(() => normalizeRecord(rec({ type: 'A', content: '1.2.3.4', ttl: 2147483648 })))).toHaveProperty(
      'ttl',
    );
  });

  it('the error message names the field for humans too', () => {
    expect(() => validateRecords([rec({ type: 'A', content: '1.2.3' })])).toThrow(/records\.0\.content/);
  });
});

describe('validation: sameRecord', () => {
  const base = { type: 'CNAME' as const, name: 'www', content: 'example.net', ttl: 300, priority: 0 };
  it('ignores case and a trailing dot in host names, and the TTL', () => {
    expect(sameRecord(base, { ...base, content: 'Example.NET.', ttl: 14400 })).toBe(true);
  });
  it('compares TXT exactly', () => {
    const txt = { ...base, type: 'TXT' as const, content: 'Hello' };
    expect(sameRecord(txt, { ...txt, content: 'hello' })).toBe(false);
    expect(sameRecord(txt, { ...txt })).toBe(true);
  });
  it('distinguishes priority and type, and matches two spellings of one IPv6 address', () => {
    const mx = { ...base, type: 'MX' as const, priority: 10 };
    expect(sameRecord(mx, { ...mx, priority: 20 })).toBe(false);
    expect(sameRecord(base, { ...base, type: 'NS' })).toBe(false);
    const aaaa = { ...base, type: 'AAAA' as const, content: '2001:db8::1' };
    expect(sameRecord(aaaa, { ...aaaa, content: '2001:DB8:0:0::1' })).toBe(true);
  });
});

describe('validation: names relative to the zone', () => {
  it('refuses a name that repeats the zone and names the relative form', async () => {
    const { ValidationError } = await import('../../../src/index.js');
    const { normalizeRecord, validateRecords } = await import('../../../src/provider-kit/index.js');
    expect(() =>
      normalizeRecord({ type: 'A', name: 'api.example.com', content: '192.0.2.1' }, '', 'example.com'),
    ).toThrow(ValidationError);
    expect(() =>
      normalizeRecord({ type: 'A', name: 'api.example.com', content: '192.0.2.1' }, '', 'example.com'),
    ).toThrow(/use "api"/);
    expect(() => validateRecords([{ type: 'A', name: 'example.com', content: '192.0.2.1' }], 'Example.COM')).toThrow(
      /use "@"/,
    );
    expect(normalizeRecord({ type: 'A', name: 'api.example.net', content: '192.0.2.1' }, '', 'example.com').name).toBe(
      'api.example.net',
    );
    expect(normalizeRecord({ type: 'A', name: 'api.example.com', content: '192.0.2.1' }).name).toBe('api.example.com');
  });
});
