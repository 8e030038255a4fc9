import { describe, expect, it } from 'vitest';
import { getProvider, unregisterProvider } from '../../src/core/registry.js';

describe('hostinger: register entry', () => {
  it('importing hostinger/register adds the definition to the default registry, replacing any earlier one', async () => {
    unregisterProvider('hostinger');
    expect(() => getProvider('hostinger')).toThrow();
    const { hostinger } = await import('../../src/hostinger/register.js');
    expect(getProvider('hostinger')).toBe(hostinger);
    expect(hostinger).toMatchObject({ name: 'hostinger', displayName: 'Hostinger' });
  });
});
