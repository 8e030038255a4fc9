import { describe, expect, it } from 'vitest';
import { isValidationError } from '../../src/core/errors.js';
import { assertWithinMaxPrice, checkMaxPrice } from '../../src/core/spending.js';

const fieldsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (isValidationError(error)) return error.fields;
    throw error;
  }
  return undefined;
};

describe('core: spending guard', () => {
  it('allows a price equal to the limit, compared in whole cents (0.1 + 0.2 is 0.30)', () => {
    expect(fieldsOf(() => assertWithinMaxPrice(12.99, { amount: 12.99 }, 'x'))).toBeUndefined();
    expect(fieldsOf(() => assertWithinMaxPrice(0.3, { amount: 0.1 + 0.2 }, 'x'))).toBeUndefined();
  });

  it('refuses a price one cent over the limit, naming maxPrice and the price', () => {
    expect(fieldsOf(() => assertWithinMaxPrice(12.98, { amount: 12.99, currency: 'USD' }, 'x'))).toEqual({
      maxPrice: ['the price is 12.99 USD, more than 12.98'],
    });
  });

  it('refuses an unknown price whatever the limit, and does nothing without a limit', () => {
    expect(fieldsOf(() => assertWithinMaxPrice(1e9, undefined, 'x'))).toEqual({
      maxPrice: ['the price could not be found'],
    });
    expect(fieldsOf(() => assertWithinMaxPrice(undefined, undefined, 'x'))).toBeUndefined();
  });

  it.each([-0.01, Number.NaN, Number.POSITIVE_INFINITY, '5', null])('refuses maxPrice %s', (maxPrice) => {
    expect(fieldsOf(() => checkMaxPrice({ maxPrice: maxPrice as number }))).toHaveProperty('maxPrice');
  });

  it('accepts 0 and an absent maxPrice', () => {
    expect(checkMaxPrice({ maxPrice: 0 })).toBe(0);
    expect(checkMaxPrice({})).toBeUndefined();
    expect(checkMaxPrice(undefined)).toBeUndefined();
  });
});
