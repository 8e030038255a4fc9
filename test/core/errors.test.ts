import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  ConflictError,
  ErrNotSupported,
  HostingError,
  isAuthenticationError,
  isConflictError,
  isErrNotSupported,
  isHostingError,
  isNotFoundError,
  isProviderAPIError,
  isProviderNotFoundError,
  isRateLimitError,
  isTimeoutError,
  isValidationError,
  NotFoundError,
  ProviderAPIError,
  ProviderNotFoundError,
  RateLimitError,
  TimeoutError,
  ValidationError,
} from '../../src/index.js';

const CANARY = 'canary-4f1c9e0b7d2a';

describe('core: errors', () => {
  it.each([
    [ValidationError, 400, 'validation_error', isValidationError],
    [AuthenticationError, 401, 'authentication_error', isAuthenticationError],
    [NotFoundError, 404, 'not_found', isNotFoundError],
    [ProviderNotFoundError, 404, 'provider_not_found', isProviderNotFoundError],
    [ConflictError, 409, 'conflict', isConflictError],
    [RateLimitError, 429, 'rate_limited', isRateLimitError],
    [ProviderAPIError, 502, 'provider_api_error', isProviderAPIError],
    [TimeoutError, 502, 'timeout', isTimeoutError],
  ] as const)('%o maps to its HTTP status, code and guard', (Cls, status, code, guard) => {
    const error = new Cls('boom', { provider: 'hostinger' });
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
    expect(error.name).toBe(Cls.name);
    expect(error.provider).toBe('hostinger');
    expect(error).toBeInstanceOf(HostingError);
    expect(error).toBeInstanceOf(Error);
    expect(guard(error)).toBe(true);
    expect(isHostingError(error)).toBe(true);
    expect(guard(new Error('plain'))).toBe(false);
  });

  it('ErrNotSupported writes its own message and keeps provider and operation', () => {
    const error = new ErrNotSupported('hostinger', 'vps.create');
    expect(error.message).toBe('hostinger does not support vps.create');
    expect(error.status).toBe(501);
    expect(error.provider).toBe('hostinger');
    expect(error.operation).toBe('vps.create');
    expect(isErrNotSupported(error)).toBe(true);
    expect(isValidationError(error)).toBe(false);
  });

  it('keeps each class its own fields', () => {
    expect(new ValidationError('bad', { fields: { ttl: ['too small'] } }).fields).toEqual({ ttl: ['too small'] });
    expect(new ValidationError('bad').fields).toEqual({});
    const limited = new RateLimitError('slow down', { retryAfter: 2272, attempts: 1 });
    expect([limited.retryAfter, limited.attempts]).toEqual([2272, 1]);
    const upstream = new ProviderAPIError('down', { status: 500, correlationId: 'abc-123', upstreamStatus: 503 });
    expect([upstream.status, upstream.correlationId, upstream.upstreamStatus]).toEqual([500, 'abc-123', 503]);
  });

  it('a subclass is matched by its parent guard but not by a sibling', () => {
    const missing = new ProviderNotFoundError('no such provider');
    expect(isNotFoundError(missing)).toBe(true);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(isConflictError(missing)).toBe(false);
    expect(isProviderAPIError(new TimeoutError('late'))).toBe(true);
  });

  it('matches errors from another copy of the package by brand', () => {
    // A second copy has its own classes; only the global brand ties them together.
    const foreign = Object.create(Error.prototype) as Record<symbol, unknown>;
    Object.defineProperty(foreign, Symbol.for('setec-hosting.error.kinds'), {
      value: ['rate_limited', 'hosting_error'],
    });
    expect(foreign instanceof RateLimitError).toBe(true);
    expect(isHostingError(foreign)).toBe(true);
    expect(isValidationError(foreign)).toBe(false);
  });

  it('keeps the cause but drops request objects that carry the token', () => {
    const kyLike = Object.assign(new Error('Request failed'), {
      request: { headers: { Authorization: `Bearer ${CANARY}` } },
      options: { headers: { authorization: `Bearer ${CANARY}` } },
    });
    const error = new ProviderAPIError('upstream failed', { cause: kyLike });
    expect((error.cause as Error).message).toBe('Request failed');
    const everything = [String(error), error.stack, JSON.stringify(error), inspect(error, { depth: Infinity })].join(
      '\n',
    );
    expect(everything).not.toContain(CANARY);
  });

  it('redacts a bearer token that slipped into a message', () => {
    const error = new AuthenticationError(`rejected Authorization: Bearer ${CANARY}`);
    expect(error.message).not.toContain(CANARY);
    expect(JSON.stringify(error)).not.toContain(CANARY);
    expect(inspect(error)).not.toContain(CANARY);
  });

  it('toJSON is a plain object a REST body can carry', () => {
    const json = new ValidationError('bad ttl', { fields: { ttl: ['must be ≥ 60'] }, provider: 'hostinger' }).toJSON();
    expect(json).toEqual({
      name: 'ValidationError',
      code: 'validation_error',
      status: 400,
      message: 'bad ttl',
      provider: 'hostinger',
      fields: { ttl: ['must be ≥ 60'] },
    });
  });
});

describe('core: errors (constructor forms and limits)', () => {
  it('every class is constructible with a message only', async () => {
    const { ConfigStoreError } = await import('../../src/index.js');
    const error = new ConfigStoreError('store unusable');
    expect([error.status, error.reason, error.path]).toEqual([500, 'corrupt', '']);
  });

  it('ProviderAPIError keeps only 500 or 502 as its status', () => {
    expect(new ProviderAPIError('x', { status: 500 }).status).toBe(500);
    expect(new ProviderAPIError('x', { status: 404 }).status).toBe(502);
  });

  it('drops a cause that carries headers', () => {
    const cause = Object.assign(new Error('fine'), { headers: { authorization: `Bearer ${CANARY}` } });
    expect(inspect(new ProviderAPIError('x', { cause }), { depth: Infinity })).not.toContain(CANARY);
  });
});
