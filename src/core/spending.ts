import type { CallOptions } from './call-options.js';
import { ValidationError } from './errors.js';

/** Options of the calls that spend money: `domains.purchase` and `vps.create`. */
export interface PurchaseOptions extends CallOptions {
  /**
   * The most this purchase may charge today, in the currency of the price (e.g. `12.99`).
   *
   * With it, the provider finds the price before buying: for a domain, its registration price for the
   * requested period as `checkAvailability` reports it; for a VM, the catalog price of the plan. The
   * price compared is the charge for the first period, what the card pays today (renewals may cost
   * more). When that price is higher, or cannot be found (a taken domain, a plan not in the catalog),
   * the call rejects with a `ValidationError` naming `maxPrice` and the purchase request is never sent.
   * @default no limit
   */
  maxPrice?: number;
}

/** A price as a provider found it: currency units (`12.99`) and, when known, the currency. */
export interface FoundPrice {
  amount: number;
  currency?: string;
}

function refuse(message: string, reason: string, provider?: string): ValidationError {
  return new ValidationError(message, { fields: { maxPrice: [reason] }, ...(provider ? { provider } : {}) });
}

/**
 * Checks a `maxPrice` option before anything is sent: absent, or a finite number ≥ 0.
 * @throws {ValidationError} naming `maxPrice` otherwise.
 */
export function checkMaxPrice(options: PurchaseOptions | undefined, provider?: string): number | undefined {
  const maxPrice = options?.maxPrice;
  if (maxPrice === undefined) return undefined;
  if (typeof maxPrice !== 'number' || !Number.isFinite(maxPrice) || maxPrice < 0) {
    throw refuse('maxPrice must be a number of currency units, 0 or more', 'must be a finite number ≥ 0', provider);
  }
  return maxPrice;
}

/**
 * The spending guard every provider applies before it sends a purchase: does nothing without a
 * limit; otherwise `price` must be known and at most `maxPrice` (compared in whole cents).
 *
 * @param what - what is bought, for the message (`'cool-project.com for 1 year'`).
 * @throws {ValidationError} naming `maxPrice` when the price is unknown or higher than the limit.
 * @example
 * ```ts
 * assertWithinMaxPrice(options?.maxPrice, { amount: 12.99, currency: 'USD' }, 'example.com for 1 year');
 * ```
 */
export function assertWithinMaxPrice(
  maxPrice: number | undefined,
  price: FoundPrice | undefined,
  what: string,
  provider?: string,
): void {
  if (maxPrice === undefined) return;
  if (!price || !Number.isFinite(price.amount)) {
    throw refuse(
      `Refusing to buy ${what}: its price could not be found, so maxPrice ${maxPrice} cannot be checked`,
      'the price could not be found',
      provider,
    );
  }
  // Whole cents on both sides: 12.99 must not lose to 12.990000000000002.
  if (Math.round(price.amount * 100) > Math.floor(maxPrice * 100 + 1e-6)) {
    const shown = `${price.amount.toFixed(2)}${price.currency ? ` ${price.currency}` : ''}`;
    throw refuse(
      `Refusing to buy ${what}: it costs ${shown}, more than maxPrice ${maxPrice}`,
      `the price is ${shown}, more than ${maxPrice}`,
      provider,
    );
  }
}
