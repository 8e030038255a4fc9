import { describe, expect, it } from 'vitest';
import { createDigitalOceanSimulator } from '../../src/testing/index.js';
import { hostingerCall } from '../support/hostinger-call.js';

describe('testing: DigitalOcean simulator over real HTTP', () => {
  it('serves the same API over a real HTTP server on 127.0.0.1', async () => {
    const local = createDigitalOceanSimulator({ seed: false });
    const origin = await local.listen();
    try {
      expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const { body } = await hostingerCall(origin)('GET', '/v2/domains');
      expect(body).toEqual({ domains: [], links: {}, meta: { total: 0 } });
    } finally {
      await local.close();
    }
  });
});
