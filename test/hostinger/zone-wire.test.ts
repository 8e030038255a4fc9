import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { ProviderAPIError } from '../../src/core/errors.js';
import { HOSTINGER_SPEC } from '../../src/hostinger/client.js';
import { ZoneWire } from '../../src/hostinger/zone-wire.js';
import { parseWire } from '../../src/kit/parse-wire.js';

const good = { name: 'www', type: 'A', ttl: 300, records: [{ content: '192.0.2.1', is_disabled: false }] };
const message = (value: unknown) => {
  try {
    parseWire(HOSTINGER_SPEC, ZoneWire, value, 'GET zone');
    return 'accepted';
  } catch (error) {
    expect(error).toBeInstanceOf(ProviderAPIError);
    return (error as Error).message;
  }
};

// The same shape written with zod/mini: the hand-written check must agree with it on every value.
const maybe = <T extends z.ZodMiniType>(t: T) => z.optional(z.nullable(t));
const ZodZone = z.looseObject({
  data: z.array(
    z.looseObject({
      name: z.string(),
      type: z.string(),
      ttl: maybe(z.number()),
      records: z.array(z.looseObject({ content: z.string(), is_disabled: maybe(z.boolean()) })),
    }),
  ),
  meta: maybe(
    z.looseObject({
      current_page: z.optional(z.number()),
      per_page: z.optional(z.number()),
      total: z.optional(z.number()),
    }),
  ),
});
const zodMessage = (value: unknown) => {
  const page = Array.isArray(value) ? { data: value } : value;
  const result = z.safeParse(
    ZodZone,
    typeof page === 'object' && page !== null && 'data' in page ? page : { data: page },
  );
  const issue = result.error?.issues[0];
  return issue ? `field "${issue.path.length ? issue.path.join('.') : '(root)'}": ${issue.message}` : 'accepted';
};

describe('zone answer shape check', () => {
  it.each([
    ['data.0.name', [{ ...good, name: 1 }]],
    ['data.0.type', [{ ...good, type: null }]],
    ['data.0.ttl', [{ ...good, ttl: '300' }]],
    ['data.0.records', [{ ...good, records: {} }]],
    ['data.0.records.0.content', [{ ...good, records: [{ content: 42 }] }]],
    ['data.0.records.1', [{ ...good, records: [{ content: 'x' }, 'y'] }]],
    ['data.0.records.0.is_disabled', [{ ...good, records: [{ content: 'x', is_disabled: 'no' }] }]],
    ['data.1', [good, 'www']],
    ['data', { data: 'www' }],
    ['data', 'not a zone'],
    ['meta', { data: [good], meta: 3 }],
    ['meta.total', { data: [good], meta: { total: '3' } }],
  ])('names the bad field %s', (field, value) => {
    expect(message(value)).toBe(`Unexpected response from Hostinger on GET zone: field "${field}": Invalid input`);
  });

  it('names the first bad field in field order: name before records, sets before meta', () => {
    expect(message([{ records: 1 }])).toContain('field "data.0.name"');
    expect(message({ data: [{ ...good, ttl: 'x' }], meta: 'x' })).toContain('field "data.0.ttl"');
  });

  it('accepts a bare array, a page with meta, nulls and extra fields unchanged', () => {
    const page = {
      data: [{ ...good, ttl: null, extra: [1], records: [{ content: 'a', is_disabled: null, id: 7 }] }],
      meta: { total: 1 },
      links: {},
    };
    expect(parseWire(HOSTINGER_SPEC, ZoneWire, page, 'GET zone')).toBe(page);
    expect(parseWire(HOSTINGER_SPEC, ZoneWire, [good], 'GET zone')).toEqual({ data: [good] });
    expect(parseWire(HOSTINGER_SPEC, ZoneWire, [], 'GET zone')).toEqual({ data: [] });
  });

  it('accepts and refuses exactly what the zod/mini schema of the same shape does, naming the same field', () => {
    const rrset = fc.record(
      {
        name: fc.oneof(fc.string(), fc.integer()),
        type: fc.oneof(fc.constantFrom('A', 'TXT'), fc.constant(null)),
        ttl: fc.oneof(fc.integer(), fc.constant(null), fc.string(), fc.double()),
        records: fc.oneof(
          fc.array(
            fc.oneof(
              fc.record(
                {
                  content: fc.oneof(fc.string(), fc.integer()),
                  is_disabled: fc.oneof(fc.boolean(), fc.constant(null), fc.string()),
                },
                { requiredKeys: [] },
              ),
              fc.anything(),
            ),
          ),
          fc.constant({}),
        ),
      },
      { requiredKeys: [] },
    );
    const meta = fc.record(
      { total: fc.oneof(fc.integer(), fc.string(), fc.constant(null)), per_page: fc.integer() },
      { requiredKeys: [] },
    );
    const page = fc.record(
      { data: fc.array(fc.oneof(rrset, fc.anything())), meta: fc.oneof(fc.constant(null), meta, fc.anything()) },
      { requiredKeys: ['data'] },
    );
    fc.assert(
      fc.property(fc.oneof(page, fc.array(rrset), fc.anything()), (value) => {
        expect(message(value).replace(/^Unexpected response from Hostinger on GET zone: /, '')).toBe(zodMessage(value));
      }),
      { numRuns: 1000 },
    );
  });
});
