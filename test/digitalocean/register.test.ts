import { describe, expect, it } from 'vitest';
import { getProvider, unregisterProvider } from '../../src/core/registry.js';

describe('digitalocean: register entry', () => {
  it('importing digitalocean/register adds the definition to the default registry', async () => {
    unregisterProvider('digitalocean');
    expect(() => getProvider('digitalocean')).toThrow();
    const { digitalocean } = await import('../../src/digitalocean/register.js');
    expect(getProvider('digitalocean')).toBe(digitalocean);
    expect(digitalocean).toMatchObject({ name: 'digitalocean', displayName: 'DigitalOcean' });
  });
});
