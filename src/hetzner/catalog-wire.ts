/**
 * Hetzner server types, their prices per location and locations as the SDK reads them. Prices are
 * decimal strings (`"4.5101000000000000"`), turned into cents without floating-point arithmetic.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import type { DataCenter } from '../core/vps.js';
import { maybeBoolean, maybeString } from './kit.js';

const PriceWire = z.looseObject({ net: z.string(), gross: z.string() });

/** A server type with its locations and prices. */
export const ServerTypeWire = z.looseObject({
  id: z.number(),
  name: z.string(),
  description: maybeString,
  cores: z.number(),
  memory: z.number(),
  disk: z.number(),
  cpu_type: maybeString,
  storage_type: maybeString,
  architecture: z.string(),
  locations: z.optional(
    z.nullable(
      z.array(
        z.looseObject({
          name: z.string(),
          available: maybeBoolean,
          deprecation: z.optional(z.nullable(z.looseObject({ unavailable_after: maybeString }))),
        }),
      ),
    ),
  ),
  prices: z.array(z.looseObject({ location: z.string(), price_monthly: PriceWire })),
});
export type ServerTypeWire = z.infer<typeof ServerTypeWire>;

/** A location (`fsn1`). */
export const LocationWire = z.looseObject({
  id: z.number(),
  name: z.string(),
  description: maybeString,
  country: maybeString,
  city: maybeString,
});
export type LocationWire = z.infer<typeof LocationWire>;

/** `/pricing`, read only for its currency. */
export const PricingAnswer = z.looseObject({ pricing: z.looseObject({ currency: z.string() }) });

/** A decimal string in cents, rounded half up: `"4.5101"` → 451. `undefined` for anything else. */
export function centsOf(decimal: string): number | undefined {
  const match = /^(\d+)(?:\.(\d*))?$/.exec(decimal.trim());
  if (!match) return undefined;
  const fraction = (match[2] ?? '').padEnd(3, '0');
  return Number(match[1]) * 100 + Number(fraction.slice(0, 2)) + (Number(fraction[2]) >= 5 ? 1 : 0);
}

/**
 * Whether `type` can be ordered in `location` now: listed there, not marked unavailable, not past its
 * `unavailable_after` date.
 */
export function offeredIn(type: ServerTypeWire, location: string, now = Date.now()): boolean {
  const entry = type.locations?.find((l) => l.name === location);
  if (!entry || entry.available === false) return false;
  const until = entry.deprecation?.unavailable_after;
  return !until || Date.parse(until) > now;
}

/** The monthly gross price of `type` in `location`, in cents. */
export function monthlyCents(type: ServerTypeWire, location: string): number | undefined {
  const price = type.prices.find((p) => p.location === location);
  return price ? centsOf(price.price_monthly.gross) : undefined;
}

/** A location as a `DataCenter`: `id` its name (`fsn1`), `name` its description, `location` its city. */
export function dataCenterFromWire(l: LocationWire): DataCenter {
  return { id: l.name, name: l.description ?? l.name, location: l.city ?? '', country: l.country ?? '' };
}
