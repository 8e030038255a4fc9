import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { ProviderAPIError } from '../../src/core/errors.js';
import { listInput, MessageWire, parseWire } from '../../src/kit/parse-wire.js';
import type { WireSchema } from '../../src/kit/wire-schema.js';
import { listWire } from '../../src/kit/wire.js';

const source = { name: 'example', displayName: 'Example' };
const failure = (schema: WireSchema, value: unknown) => {
  try {
    parseWire(source, schema, value, 'GET thing', 200);
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
};

describe('parseWire', () => {
  it('the {message} answer of a mutation may be empty, null or an object with a string message', () => {
    for (const body of [undefined, null, {}, { message: 'Request accepted' }, { message: null, extra: 1 }]) {
      expect(parseWire(source, MessageWire, body, 'POST thing')).toBe(body);
    }
  });

  it('a {message} answer of another shape is a ProviderAPIError naming the field', () => {
    const error = failure(MessageWire, { message: 42 });
    expect(error).toBeInstanceOf(ProviderAPIError);
    expect(error).toMatchObject({
      provider: 'example',
      status: 502,
      upstreamStatus: 200,
      message: 'Unexpected response from Example on GET thing: field "message": Invalid input',
    });
    expect((failure(MessageWire, ['x']) as Error).message).toContain('field "(root)"');
    expect((failure(MessageWire, 'ok') as Error).message).toContain('field "(root)"');
  });

  it('runs zod/mini schemas through the same interface, with the same field names', () => {
    const Things = listWire(z.looseObject({ id: z.number() }));
    expect(parseWire(source, Things, [{ id: 1 }], 'GET things')).toEqual({ data: [{ id: 1 }] });
    expect((failure(Things, [{ id: 1 }, { id: '2' }]) as Error).message).toContain('field "data.1.id": Invalid input');
  });

  it('reads path segments given as {key} objects', () => {
    const schema: WireSchema = {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: () => ({ issues: [{ message: 'too long', path: [{ key: 'items' }, 3] }] }),
      },
    };
    expect((failure(schema, {}) as Error).message).toBe(
      'Unexpected response from Example on GET thing: field "items.3": too long',
    );
  });

  it('refuses an asynchronous schema with an error instead of returning a Promise', () => {
    const schema: WireSchema = {
      '~standard': { version: 1, vendor: 'test', validate: async (value) => ({ value }) },
    };
    const error = failure(schema, {});
    expect(error).toBeInstanceOf(ProviderAPIError);
    expect(error).toMatchObject({ status: 500, message: expect.stringContaining('asynchronous') });
  });

  it('a list schema receives a bare array as {data}', () => {
    const seen: unknown[] = [];
    const schema = listInput<WireSchema>({
      '~standard': { version: 1, vendor: 'test', validate: (value) => (seen.push(value), { value }) },
    });
    parseWire(source, schema, [1, 2], 'GET list');
    parseWire(source, schema, { data: [3], meta: {} }, 'GET list');
    parseWire(source, schema, 'x', 'GET list');
    expect(seen).toEqual([{ data: [1, 2] }, { data: [3], meta: {} }, { data: 'x' }]);
  });
});
