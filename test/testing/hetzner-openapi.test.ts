import { expect, it } from 'vitest';
import { hetznerSpec } from '../support/openapi.js';

const { describeWithSpec, validateRequest, validateResponse } = hetznerSpec;

describeWithSpec('testing: Hetzner OpenAPI spec checks', () => {
  it('matches paths under /v1 and rejects a record set without records, or a TTL under 60', () => {
    const url = 'https://api.hetzner.cloud/v1/zones/x.com/rrsets';
    expect(
      validateRequest({ method: 'POST', url, body: { name: 'a', type: 'A', records: [{ value: '192.0.2.1' }] } }),
    ).toEqual([]);
    expect(validateRequest({ method: 'POST', url, body: { name: 'a', type: 'A' } })).toContain(
      "POST /v1/zones/x.com/rrsets: / must have required property 'records'",
    );
    const ttl = validateRequest({ method: 'POST', url: `${url}/a/A/actions/change_ttl`, body: { ttl: 30 } });
    expect(ttl.join('\n')).toMatch(/ttl must be >= 60/);
  });

  it('reads a repeated query key as the array parameter it is (GET /actions?id=1&id=2)', () => {
    expect(validateRequest({ method: 'GET', url: 'https://api.hetzner.cloud/v1/actions?id=1&id=2' })).toEqual([]);
    expect(validateRequest({ method: 'GET', url: 'https://api.hetzner.cloud/v1/actions?id=x' })).not.toEqual([]);
    expect(validateRequest({ method: 'GET', url: 'https://api.hetzner.cloud/v1/actions' })).toEqual([
      "GET /v1/actions: query parameter 'id' is required",
    ]);
  });

  it('checks an error body against the {error: {code, message}} shape', () => {
    const url = 'https://api.hetzner.cloud/v1/servers/1';
    expect(validateResponse({ method: 'GET', url, status: 404, body: { message: 'gone' } })).toEqual([
      "GET /v1/servers/1 404: / must have required property 'error'",
    ]);
  });
});
