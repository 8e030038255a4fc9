import { describe, expect, it } from 'vitest';
import { isValidationError } from '../../src/core/errors.js';
import { createMemoryProvider } from '../../src/testing/index.js';

const request = { domain: 'fresh-idea.com', period: 1, auto_renew: false, privacy_protection: false };

describe('testing: memory provider spending guard', () => {
  it('buys a domain at its availability price, and refuses one cent less without buying', async () => {
    const p = createMemoryProvider();
    const [offer] = await p.domains!.checkAvailability([request.domain]);
    const price = offer!.price!;
    const error = await p.domains!.purchase(request, { maxPrice: price - 0.01 }).catch((e: unknown) => e);
    expect(isValidationError(error) && error.fields).toHaveProperty('maxPrice');
    expect((await p.domains!.list()).map((d) => d.name)).not.toContain(request.domain);
    const subscriptions = (await p.billing!.listSubscriptions()).length;

    await p.domains!.purchase(request, { maxPrice: price });
    expect((await p.domains!.list()).map((d) => d.name)).toContain(request.domain);
    expect(await p.billing!.listSubscriptions()).toHaveLength(subscriptions + 1);
  });

  it('a VM request with several problems names maxPrice with the other fields', async () => {
    const p = createMemoryProvider();
    const [plan] = (await p.billing!.getCatalog()).filter((i) => i.category.toLowerCase() === 'vps');
    const error = await p
      .vps!.create(
        {
          plan: plan!.id,
          data_center_id: 'nowhere',
          template: 'Ubuntu 22.04',
          password: 'long-enough-1',
          hostname: 'a',
        },
        { maxPrice: 0 },
      )
      .catch((e: unknown) => e);
    expect(isValidationError(error) && Object.keys(error.fields).sort()).toEqual(['data_center_id', 'maxPrice']);
  });
});
