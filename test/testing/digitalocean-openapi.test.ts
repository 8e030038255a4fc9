import { expect, it } from 'vitest';
import { digitalOceanSpec } from '../support/openapi.js';

const { describeWithSpec, validateRequest, validateResponse } = digitalOceanSpec;

describeWithSpec('testing: DigitalOcean OpenAPI spec checks', () => {
  it('rejects a record body without type, and a per_page over 200', () => {
    const errors = validateRequest({ method: 'POST', url: '/v2/domains/x.com/records', body: { name: 'a' } });
    expect(errors).toContain("POST /v2/domains/x.com/records: / must have required property 'type'");
    expect(validateRequest({ method: 'GET', url: '/v2/sizes?per_page=300' })).toEqual([
      "GET /v2/sizes: query parameter 'per_page' must be <= 200",
    ]);
  });

  it('checks a path parameter whose schema refers to other schemas (SSH key id or fingerprint)', () => {
    expect(validateRequest({ method: 'GET', url: '/v2/account/keys/289794' })).toEqual([]);
    expect(validateRequest({ method: 'DELETE', url: '/v2/account/keys/3b:16:e4:bf:8b:00:8b:b8' })).toEqual([]);
  });

  it('checks an error body against the Err shape', () => {
    expect(validateResponse({ method: 'GET', url: '/v2/droplets/1', status: 404, body: { message: 'gone' } })).toEqual([
      "GET /v2/droplets/1 404: / must have required property 'id'",
    ]);
  });
});
