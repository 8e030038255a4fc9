import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  CallOptions,
  DnsCapability,
  DnsWriteSetsOptions,
  DnsRecord,
  DnsRecordInput,
  Provider,
} from '../../src/index.js';
import { isConflictError, isHostingError } from '../../src/index.js';
import {
  applyPlan,
  formatZoneFile,
  isUnsafePlanError,
  parseZoneFile,
  planZone,
  restoreSnapshot,
  UnsafePlanError,
  type RestoreSnapshotOptions,
  type ZoneChange,
  type ZonePlan,
  type ZonePlanOptions,
  type ZoneSnapshot,
} from '../../src/zone/index.js';

describe('zone: public types', () => {
  it('planZone, applyPlan and restoreSnapshot have the documented signatures', () => {
    expectTypeOf(planZone).parameters.toEqualTypeOf<
      [Provider, string, DnsRecordInput[], (ZonePlanOptions & CallOptions)?]
    >();
    expectTypeOf(planZone).returns.resolves.toEqualTypeOf<ZonePlan>();
    expectTypeOf(applyPlan).returns.resolves.toBeVoid();
    expectTypeOf(restoreSnapshot).parameters.toEqualTypeOf<[Provider, ZoneSnapshot, RestoreSnapshotOptions?]>();
    expectTypeOf<RestoreSnapshotOptions>().toMatchTypeOf<CallOptions>();
    expectTypeOf(restoreSnapshot).returns.resolves.toEqualTypeOf<ZonePlan>();
    expectTypeOf(parseZoneFile).returns.toEqualTypeOf<{ origin: string; records: DnsRecordInput[] }>();
    expectTypeOf(formatZoneFile).returns.toBeString();
  });

  it('a plan names its changes and snapshot with the model types', () => {
    expectTypeOf<ZoneChange['action']>().toEqualTypeOf<'create' | 'update' | 'delete'>();
    expectTypeOf<ZoneChange['before']>().toEqualTypeOf<DnsRecord[]>();
    expectTypeOf<ZoneChange['after']>().toEqualTypeOf<DnsRecordInput[]>();
    expectTypeOf<ZoneSnapshot['records']>().toEqualTypeOf<DnsRecord[]>();
    // @ts-expect-error: ignore entries take a record type, not any string
    const bad: ZonePlanOptions = { ignore: [{ type: 'SOA' }] };
    expect(bad.ignore).toHaveLength(1);
  });

  it('writeSets is optional on DnsCapability', () => {
    expectTypeOf<DnsCapability['writeSets']>().toEqualTypeOf<
      | ((
          domain: string,
          changes: { replace?: DnsRecordInput[]; delete?: { name: string; type: DnsRecord['type'] }[] },
          options?: DnsWriteSetsOptions,
        ) => Promise<void>)
      | undefined
    >();
  });

  it('UnsafePlanError is a 409 HostingError of its own, not a ConflictError', () => {
    const error = new UnsafePlanError('too much', { changes: 5, existing: 10, maxChangeRatio: 0.3 });
    expect(isHostingError(error)).toBe(true);
    expect(isUnsafePlanError(error)).toBe(true);
    expect(isConflictError(error)).toBe(false);
    expect(error.toJSON()).toEqual({
      name: 'UnsafePlanError',
      code: 'unsafe_plan',
      status: 409,
      message: 'too much',
      changes: 5,
      existing: 10,
      maxChangeRatio: 0.3,
    });
    // Another copy of the package recognises it by its brand.
    const foreign = Object.assign(Object.create(Error.prototype), {
      [Symbol.for('setec-hosting.error.kinds')]: ['unsafe_plan', 'hosting_error'],
    });
    expect(isUnsafePlanError(foreign)).toBe(true);
    expect(isUnsafePlanError(new Error('x'))).toBe(false);
  });
});
