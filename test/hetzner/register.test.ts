import { describe, expect, it } from 'vitest';
import { getProvider, unregisterProvider } from '../../src/core/registry.js';

describe('hetzner: register entry', () => {
  it('importing hetzner/register adds the definition to the default registry', async () => {
    unregisterProvider('hetzner');
    expect(() => getProvider('hetzner')).toThrow();
    const { hetzner } = await import('../../src/hetzner/register.js');
    expect(getProvider('hetzner')).toBe(hetzner);
    expect(hetzner).toMatchObject({ name: 'hetzner', displayName: 'Hetzner' });
  });
});
