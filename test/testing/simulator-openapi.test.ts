import { expect, it } from 'vitest';
import { describeWithSpec, validateRequest, validateResponse } from '../support/openapi.js';

describeWithSpec('testing: OpenAPI spec checks', () => {
  it('accepts a DNS update body that matches the spec', () => {
    const body = {
      overwrite: false,
      zone: [{ name: '@', type: 'A', ttl: 300, records: [{ content: '203.0.113.7' }] }],
    };
    expect(
      validateRequest({ method: 'PUT', url: 'https://developers.hostinger.com/api/dns/v1/zones/example.com', body }),
    ).toEqual([]);
  });

  it('names the field when a DNS record misses its content', () => {
    const body = { zone: [{ name: '@', type: 'A', records: [{}] }] };
    expect(validateRequest({ method: 'POST', url: '/api/dns/v1/zones/x.com/validate', body })).toEqual([
      "POST /api/dns/v1/zones/x.com/validate: /zone/0/records/0 must have required property 'content'",
    ]);
  });

  it('rejects a path or method the spec does not have', () => {
    expect(validateRequest({ method: 'GET', url: '/api/dns/v1/records' })).toEqual([
      'GET /api/dns/v1/records: path not in the spec',
    ]);
    expect(validateRequest({ method: 'PATCH', url: '/api/dns/v1/zones/x.com' })[0]).toMatch(/method not in the spec/);
  });

  it('checks path and query parameters against their schemas', () => {
    expect(validateRequest({ method: 'GET', url: '/api/vps/v1/virtual-machines/abc' })).toEqual([
      "GET /api/vps/v1/virtual-machines/abc: path parameter 'virtualMachineId' must be integer",
    ]);
    expect(validateRequest({ method: 'GET', url: '/api/billing/v1/catalog?category=VPS' })).toEqual([]);
    expect(validateRequest({ method: 'GET', url: '/api/billing/v1/catalog?category=vps' })).toHaveLength(1);
  });

  it('checks a response body against the schema of its status, nullable fields included', () => {
    const vm = {
      id: 1,
      hostname: 'srv1.hstgr.cloud',
      ipv4: null,
      template: null,
      plan: null,
      created_at: '2025-02-27T11:54:22Z',
    };
    expect(validateResponse({ method: 'GET', url: '/api/vps/v1/virtual-machines/1', status: 200, body: vm })).toEqual(
      [],
    );
    expect(
      validateResponse({
        method: 'GET',
        url: '/api/vps/v1/virtual-machines/1',
        status: 200,
        body: { ...vm, id: '1', created_at: 'yesterday' },
      }),
    ).toEqual([
      'GET /api/vps/v1/virtual-machines/1 200: /id must be integer',
      'GET /api/vps/v1/virtual-machines/1 200: /created_at must match format "date-time"',
    ]);
    expect(
      validateResponse({ method: 'GET', url: '/api/vps/v1/data-centers', status: 401, body: { message: 42 } }),
    ).toEqual(['GET /api/vps/v1/data-centers 401: /message must be string']);
  });
});
