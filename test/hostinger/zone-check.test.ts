import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { ProviderAPIError } from '../../src/core/errors.js';
import { HOSTINGER_SPEC } from '../../src/hostinger/client.js';
import { ZoneWire } from '../../src/hostinger/dns.js';
import { isZonePage } from '../../src/hostinger/zone-check.js';
import { parseWire } from '../../src/kit/wire.js';

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

describe('zone answer shape check', () => {
  it.each([
    ['data.0.name', [{ ...good, name: 1 }]],
    ['data.0.type', [{ ...good, type: null }]],
    ['data.0.ttl', [{ ...good, ttl: '300' }]],
    ['data.0.records', [{ ...good, records: {} }]],
    ['data.0.records.0.content', [{ ...good, records: [{ content: 42 }] }]],
    ['data.0.records.0.is_disabled', [{ ...good, records: [{ content: 'x', is_disabled: 'no' }] }]],
    ['data.1', [good, 'www']],
    ['meta.total', { data: [good], meta: { total: '3' } }],
  ])('names the bad field %s, as a full schema parse does', (field, value) => {
    expect(isZonePage({ data: value, ...(Array.isArray(value) ? {} : value) })).toBe(false);
    expect(message(value)).toContain(`field "${field}"`);
  });

  it('accepts a bare array, a page with meta, nulls and extra fields unchanged', () => {
    const page = {
      data: [{ ...good, ttl: null, extra: [1], records: [{ content: 'a', is_disabled: null, id: 7 }] }],
      meta: { total: 1 },
      links: {},
    };
    expect(parseWire(HOSTINGER_SPEC, ZoneWire, page, 'GET zone')).toEqual(page);
    expect(parseWire(HOSTINGER_SPEC, ZoneWire, [good], 'GET zone')).toEqual({ data: [good] });
  });

  it('accepts only what the zod schema accepts, with the same result', () => {
    const rrset = fc.record(
      {
        name: fc.oneof(fc.string(), fc.integer()),
        type: fc.oneof(fc.constantFrom('A', 'TXT'), fc.constant(null)),
        ttl: fc.oneof(fc.integer(), fc.constant(null), fc.string(), fc.double()),
        records: fc.oneof(
          fc.array(
            fc.record(
              {
                content: fc.oneof(fc.string(), fc.integer()),
                is_disabled: fc.oneof(fc.boolean(), fc.constant(null), fc.string()),
              },
              { requiredKeys: [] },
            ),
          ),
          fc.constant({}),
        ),
      },
      { requiredKeys: [] },
    );
    const page = fc.record(
      {
        data: fc.array(fc.oneof(rrset, fc.anything())),
        meta: fc.oneof(fc.constant(null), fc.record({ total: fc.oneof(fc.integer(), fc.string()) })),
      },
      { requiredKeys: ['data'] },
    );
    fc.assert(
      fc.property(fc.oneof(page, fc.anything()), (value) => {
        const parsed = z.safeParse(ZoneWire, value);
        if (isZonePage(value)) {
          expect(parsed.success).toBe(true);
          expect(parsed.data).toEqual(value);
        }
      }),
      { numRuns: 500 },
    );
  });
});
