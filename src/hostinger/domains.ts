/**
 * Hostinger domains (`/api/domains/v1`): portfolio, availability, purchase, nameservers, lock and
 * privacy. Prices come from the `DOMAIN` catalog (cached for a few minutes).
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import type { CallOptions } from '../core/call-options.js';
import type {
  AvailabilityOptions,
  Domain,
  DomainAvailability,
  DomainPurchaseRequest,
  DomainsCapability,
} from '../core/domains.js';
import { isAuthenticationError, isNotFoundError, ValidationError } from '../core/errors.js';
import { assertWithinMaxPrice, checkMaxPrice, type PurchaseOptions } from '../core/spending.js';
import { normalizeDomain, normalizeNameservers } from '../core/validation/index.js';
import {
  type CatalogItemWire,
  type CatalogPriceWire,
  fetchCatalog,
  fetchSubscriptions,
  firstPeriodPrice,
} from './billing.js';
import type { HostingerClient } from './client.js';
import { apiPath, domainPath } from './paths.js';
import { listWire, maybeBoolean, maybeNumber, maybeString, MessageWire } from '../kit/wire.js';

/** A portfolio entry (`GET /portfolio`). */
export const PortfolioDomainWire = z.looseObject({
  id: maybeNumber,
  domain: maybeString,
  type: maybeString,
  status: maybeString,
  created_at: maybeString,
  expires_at: maybeString,
});
export type PortfolioDomainWire = z.infer<typeof PortfolioDomainWire>;
/** One domain's details (`GET /portfolio/{domain}`). */
export const DomainDetailsWire = z.looseObject({
  domain: maybeString,
  status: maybeString,
  is_privacy_protected: maybeBoolean,
  is_locked: maybeBoolean,
  name_servers: z.optional(
    z.nullable(z.looseObject({ ns1: maybeString, ns2: maybeString, ns3: maybeString, ns4: maybeString })),
  ),
  expires_at: maybeString,
});
export type DomainDetailsWire = z.infer<typeof DomainDetailsWire>;
/** One answer of `POST /availability`. */
export const AvailabilityWire = z.looseObject({
  domain: maybeString,
  is_available: z.boolean(),
  is_alternative: maybeBoolean,
  restriction: maybeString,
});
/** The order a purchase returns. */
export const OrderWire = z.looseObject({ id: maybeNumber, subscription_id: maybeString, status: maybeString });

const PORTFOLIO = 'api/domains/v1/portfolio';
const CATALOG_TTL_MS = 5 * 60_000;
const DETAIL_CONCURRENCY = 4;
/** Hostinger's domain API does not say which registrar backs a domain: Hostinger is the registrar. */
const REGISTRAR = 'Hostinger';

function domainFromWire(
  name: string,
  portfolio: PortfolioDomainWire | undefined,
  details: DomainDetailsWire | undefined,
  autoRenew: boolean,
): Domain {
  const ns = details?.name_servers ?? {};
  return {
    name,
    registrar: REGISTRAR,
    status: details?.status ?? portfolio?.status ?? '',
    expires_at: details?.expires_at ?? portfolio?.expires_at ?? '',
    // The domains API does not say; the billing subscription named after the domain does.
    auto_renew: autoRenew,
    locked: details?.is_locked ?? false,
    privacy_protection: details?.is_privacy_protected ?? false,
    nameservers: Object.keys(ns)
      .sort()
      .map((k) => ns[k])
      .filter((v): v is string => typeof v === 'string' && v !== ''),
  };
}

/** Splits `name.co.uk` into the label Hostinger calls `domain` and the TLD (`co.uk`). */
function splitDomain(name: string): { sld: string; tld: string } {
  const dot = name.indexOf('.');
  return { sld: name.slice(0, dot), tld: name.slice(dot + 1) };
}

/** The catalog price for registering `tld` for `years` (`hostingercom-domain-com-usd-1y`). */
function domainPrice(catalog: readonly CatalogItemWire[], tld: string, years: number): CatalogPriceWire | undefined {
  const flat = tld.replace(/\./g, '');
  const dashed = tld.replace(/\./g, '-');
  const item = catalog.find((i) => {
    const meta = i.metadata as { tld?: unknown } | null | undefined;
    if (typeof meta?.tld === 'string') return meta.tld.toLowerCase() === tld;
    const name = (i.name ?? '')
      .toLowerCase()
      .replace(/^\./, '')
      .replace(/ domain$/, '');
    return name === tld || i.id.endsWith(`-${flat}`) || i.id.endsWith(`-${dashed}`);
  });
  return item?.prices?.find((p) => (p.period_unit ?? '').toLowerCase() === 'year' && (p.period ?? 1) === years);
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** The Hostinger implementation of {@link DomainsCapability}. */
export function createDomains(client: HostingerClient): DomainsCapability {
  let catalog: { at: number; items: Promise<CatalogItemWire[]> } | undefined;
  const domainCatalog = (signal?: AbortSignal) => {
    if (!catalog || Date.now() - catalog.at > CATALOG_TTL_MS) {
      const items = fetchCatalog(client, 'DOMAIN', signal);
      catalog = { at: Date.now(), items };
      items.catch(() => (catalog = undefined));
    }
    return catalog.items;
  };
  const details = (name: string, signal?: AbortSignal) =>
    client.request({ method: 'GET', path: domainPath(PORTFOLIO, name), schema: DomainDetailsWire, signal });
  const toggle = (domain: string, feature: 'domain-lock' | 'privacy-protection', on: boolean, signal?: AbortSignal) =>
    client
      .request({
        method: on ? 'PUT' : 'DELETE',
        path: domainPath(PORTFOLIO, domain, 'domain', feature),
        schema: MessageWire,
        idempotent: true,
        signal,
      })
      .then(() => undefined);

  /** Domain name → auto-renewal, from the subscriptions named after domains (best effort: a domain
   * whose subscription cannot be read is reported as not renewing). */
  const autoRenewals = async (signal?: AbortSignal): Promise<Map<string, boolean>> => {
    const subscriptions = await fetchSubscriptions(client, signal).catch((e: unknown) => {
      if (isAuthenticationError(e) || signal?.aborted) throw e;
      return [];
    });
    return new Map(subscriptions.map((s) => [(s.name ?? '').toLowerCase(), s.is_auto_renewed === true]));
  };

  const get = async (domain: string, options?: CallOptions): Promise<Domain> => {
    const name = normalizeDomain(domain);
    const [more, renewals] = await Promise.all([details(name, options?.signal), autoRenewals(options?.signal)]);
    return domainFromWire(name, undefined, more, renewals.get(name) ?? false);
  };

  const group: DomainsCapability = {
    get,
    async list(options?: CallOptions): Promise<Domain[]> {
      const { data: items } = await client.request({
        method: 'GET',
        path: apiPath(PORTFOLIO),
        schema: listWire(PortfolioDomainWire),
        signal: options?.signal,
      });
      const named = items.filter(
        (d): d is PortfolioDomainWire & { domain: string } => typeof d.domain === 'string' && d.domain !== '',
      );
      const renewals = await autoRenewals(options?.signal);
      return mapLimit(named, DETAIL_CONCURRENCY, async (entry) => {
        // A domain still being set up may have no details yet; the portfolio entry is enough then.
        const more = await details(entry.domain, options?.signal).catch((e: unknown) => {
          if (isNotFoundError(e)) return undefined;
          throw e;
        });
        const name = entry.domain.toLowerCase();
        return domainFromWire(name, entry, more, renewals.get(name) ?? false);
      });
    },

    async checkAvailability(domains: string[], options?: AvailabilityOptions): Promise<DomainAvailability[]> {
      if (!Array.isArray(domains) || domains.length === 0)
        throw new ValidationError('domains must be a non-empty list', {
          fields: { domains: ['must be a non-empty array'] },
        });
      const names = domains.map((d, i) => normalizeDomain(d, `domains.${i}`));
      const period = options?.period ?? 1;
      if (!Number.isInteger(period) || period < 1 || period > 10)
        throw new ValidationError('Invalid availability check', {
          fields: { period: ['must be a whole number of years from 1 to 10'] },
          provider: 'hostinger',
        });
      const groups = new Map<string, string[]>();
      for (const name of names) {
        const { sld, tld } = splitDomain(name);
        const tlds = groups.get(sld) ?? [];
        if (!tlds.includes(tld)) tlds.push(tld);
        groups.set(sld, tlds);
      }
      const answers = new Map<string, boolean>();
      for (const [sld, tlds] of groups) {
        // A pure query: safe to retry on a server error.
        const { data: items } = await client.request({
          method: 'POST',
          path: apiPath('api/domains/v1/availability'),
          json: { domain: sld, tlds, with_alternatives: false },
          schema: listWire(AvailabilityWire),
          idempotent: true,
          signal: options?.signal,
        });
        for (const a of items) if (a.domain && !a.is_alternative) answers.set(a.domain.toLowerCase(), a.is_available);
      }
      const prices = await domainCatalog(options?.signal).catch((e: unknown) => {
        if (isAuthenticationError(e) || options?.signal?.aborted) throw e;
        return [] as CatalogItemWire[]; // availability without a price beats no answer
      });
      return names.map((name) => {
        const out: DomainAvailability = { domain: name, available: answers.get(name) ?? false };
        // A price only means something for a domain one can buy.
        const price = out.available ? domainPrice(prices, splitDomain(name).tld, period) : undefined;
        if (price) {
          const { amount, currency } = firstPeriodPrice(price);
          out.price = amount;
          if (currency) out.currency = currency;
        }
        return out;
      });
    },

    async purchase(request: DomainPurchaseRequest, options?: PurchaseOptions): Promise<Domain> {
      const name = normalizeDomain(request?.domain);
      const maxPrice = checkMaxPrice(options, 'hostinger');
      const fields: Record<string, string[]> = {};
      if (!Number.isInteger(request.period) || request.period < 1 || request.period > 10)
        fields.period = ['must be a whole number of years from 1 to 10'];
      const pm = request.payment_method_id;
      if (pm !== undefined && !/^[1-9]\d{0,15}$/.test(String(pm)))
        fields.payment_method_id = ['must be a Hostinger payment method id (an integer)'];
      if (Object.keys(fields).length > 0)
        throw new ValidationError('Invalid domain purchase request', { fields, provider: 'hostinger' });
      if (maxPrice !== undefined) {
        // A taken domain has no price: the spending guard refuses it before anything is bought.
        const [availability] = await group.checkAvailability([name], options);
        if (!availability?.available) assertWithinMaxPrice(maxPrice, undefined, `${name} (not available)`, 'hostinger');
      }
      const price = domainPrice(await domainCatalog(options?.signal), splitDomain(name).tld, request.period);
      if (!price) {
        const unknown: Record<string, string[]> =
          maxPrice === undefined ? {} : { maxPrice: ['the price could not be found'] };
        throw new ValidationError(
          `Hostinger sells no ${request.period}-year registration for .${splitDomain(name).tld}`,
          { fields: { period: ['no catalog price for this TLD and period'], ...unknown }, provider: 'hostinger' },
        );
      }
      // The charge today is the first period's price (renewals may cost more).
      assertWithinMaxPrice(maxPrice, firstPeriodPrice(price), `${name} for ${request.period} year(s)`, 'hostinger');
      const body = { domain: name, item_id: price.id, ...(pm !== undefined ? { payment_method_id: Number(pm) } : {}) };
      // A purchase is never retried on a server error or network failure (it could charge twice).
      const { status, data: order } = await client.send({
        method: 'POST',
        path: apiPath(PORTFOLIO),
        json: body,
        schema: OrderWire,
        idempotent: false,
        signal: options?.signal,
      });
      const pending =
        status === 202 ||
        ['pending', 'processing', 'awaiting_payment', 'payment_initiated'].includes(order.status ?? '');
      const result = domainFromWire(name, { status: pending ? 'pending' : 'active' }, undefined, false);
      if (pending) return result; // paid or being paid, not registered yet: nothing to configure
      // Follow-ups are best effort: the domain is bought, and the returned object says what was applied.
      const applied = await toggle(name, 'privacy-protection', request.privacy_protection, options?.signal).then(
        () => true,
        () => false,
      );
      if (applied) result.privacy_protection = request.privacy_protection;
      if (order.subscription_id) {
        const verb = request.auto_renew ? 'enable' : 'disable';
        const path = apiPath('api/billing/v1/subscriptions', order.subscription_id) + `/auto-renewal/${verb}`;
        const ok = await client
          .request({
            method: request.auto_renew ? 'PATCH' : 'DELETE',
            path,
            idempotent: true,
            signal: options?.signal,
          })
          .then(
            () => true,
            () => false,
          );
        if (ok) result.auto_renew = request.auto_renew;
      }
      return (await get(name, options).catch(() => undefined)) ?? result;
    },

    async setNameservers(domain: string, nameservers: string[], options?: CallOptions): Promise<void> {
      const name = normalizeDomain(domain);
      const hosts = normalizeNameservers(nameservers);
      const body = Object.fromEntries(hosts.map((h, i) => [`ns${i + 1}`, h]));
      await client.request({
        method: 'PUT',
        path: domainPath(PORTFOLIO, name, 'domain', 'nameservers'),
        json: body,
        schema: MessageWire,
        idempotent: true,
        signal: options?.signal,
      });
    },
    enableLock: (domain, options) => toggle(domain, 'domain-lock', true, options?.signal),
    disableLock: (domain, options) => toggle(domain, 'domain-lock', false, options?.signal),
    enablePrivacy: (domain, options) => toggle(domain, 'privacy-protection', true, options?.signal),
    disablePrivacy: (domain, options) => toggle(domain, 'privacy-protection', false, options?.signal),
  };
  return group;
}
