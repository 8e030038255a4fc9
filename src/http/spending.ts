import type { Context } from 'hono';
import { isValidationError, ValidationError } from '../core/errors.js';
import type { PurchaseOptions } from '../core/spending.js';
import { callOptions } from './context.js';

/**
 * Runs a purchase with the body's `max_price` as the SDK's `maxPrice` spending guard. A refusal is
 * a 400 naming `max_price`, the field the client sent.
 */
export async function withMaxPrice<T>(
  c: Context,
  maxPrice: number | undefined,
  buy: (options: PurchaseOptions) => Promise<T>,
): Promise<T> {
  try {
    return await buy({ ...callOptions(c), ...(maxPrice === undefined ? {} : { maxPrice }) });
  } catch (error) {
    if (!isValidationError(error) || !Object.hasOwn(error.fields, 'maxPrice')) throw error;
    const { maxPrice: reasons, ...rest } = error.fields;
    throw new ValidationError(error.message.replaceAll('maxPrice', 'max_price'), {
      fields: { ...rest, max_price: reasons ?? [] },
      ...(error.provider === undefined ? {} : { provider: error.provider }),
    });
  }
}
