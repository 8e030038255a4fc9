import type { Context, Hono } from 'hono';
import * as z from 'zod/mini';
import { isoNow } from '../core/app.js';
import { nextId, placeOrder } from './billing.js';
import { defaultZone } from './seed.js';
import { accepted, type FieldErrors, fieldError, notFound, parseBody, unprocessable } from './responses.js';
import type { SimDomain, SimRuntime } from './state.js';

const AvailabilityBody = z.object({
  domain: z.string().check(z.minLength(1)),
  tlds: z.array(z.string()).check(z.minLength(1)),
  with_alternatives: z.optional(z.boolean()),
});

const PurchaseBody = z.object({
  domain: z.string().check(z.minLength(1)),
  item_id: z.string().check(z.minLength(1)),
  payment_method_id: z.optional(z.int()),
  domain_contacts: z.optional(z.record(z.string(), z.int())),
  additional_details: z.optional(z.record(z.string(), z.unknown())),
  coupons: z.optional(z.array(z.string())),
});

const NameserversBody = z.object({
  ns1: z.string().check(z.minLength(1)),
  ns2: z.string().check(z.minLength(1)),
  ns3: z.optional(z.string()),
  ns4: z.optional(z.string()),
});

const SLD = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const HOST = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\.?$/i;

/** Public `Domains.V1.Domain.DomainResource` view of a domain. */
export const portfolioEntry = (d: SimDomain) => ({
  id: d.id,
  domain: d.domain,
  type: d.type,
  status: d.status,
  created_at: d.created_at,
  expires_at: d.expires_at,
});

/** Public `DomainExtendedResource` view of a domain. */
export const extendedEntry = (d: SimDomain) => ({
  domain: d.domain,
  status: d.status,
  message: null,
  is_privacy_protection_allowed: d.is_privacy_protection_allowed,
  is_privacy_protected: d.is_privacy_protected,
  is_lockable: d.is_lockable,
  is_locked: d.is_locked,
  name_servers: { ...d.name_servers },
  child_name_servers: [],
  domain_contacts: { ...d.domain_contacts },
  created_at: d.created_at,
  updated_at: d.updated_at,
  '60_days_lock_expires_at': null,
  registered_at: d.registered_at,
  expires_at: d.expires_at,
});

/** Domain portfolio, availability and purchase routes under `/api/domains/v1`. */
export function domainRoutes(app: Hono, sim: SimRuntime): void {
  const owned = (c: Context): SimDomain => {
    const domain = sim.state.domains.get(c.req.param('domain')!.toLowerCase());
    if (!domain) throw notFound('Domain not found');
    return domain;
  };
  const isTaken = (fqdn: string): boolean => sim.state.domains.has(fqdn) || sim.state.takenDomains.has(fqdn);
  const touch = (d: SimDomain): void => {
    d.updated_at = isoNow();
  };

  app.get('/api/domains/v1/portfolio', (c) => c.json([...sim.state.domains.values()].map(portfolioEntry)));
  app.get('/api/domains/v1/portfolio/:domain', (c) => c.json(extendedEntry(owned(c))));

  app.post('/api/domains/v1/availability', async (c) => {
    const body = await parseBody(c, AvailabilityBody);
    const errors: FieldErrors = {};
    const sld = body.domain.toLowerCase();
    if (!SLD.test(sld)) errors.domain = ['The domain must be a domain name without TLD.'];
    body.tlds.forEach((tld, i) => {
      if (!/^[a-z0-9]+(\.[a-z0-9]+)?$/i.test(tld))
        errors[`tlds.${i}`] = [`The tlds.${i} must be a TLD without leading dot.`];
    });
    if (body.with_alternatives && body.tlds.length !== 1)
      errors.tlds = ['Alternatives are available only for exactly one TLD.'];
    if (Object.keys(errors).length > 0) throw unprocessable(errors);
    const results = body.tlds.map((tld) => {
      const fqdn = `${sld}.${tld.toLowerCase()}`;
      return { domain: fqdn, is_available: !isTaken(fqdn), is_alternative: false, restriction: null };
    });
    if (body.with_alternatives) {
      const tld = body.tlds[0]!.toLowerCase();
      for (const alt of [`${sld}-online.${tld}`, `get${sld}.${tld}`, `${sld}hq.${tld}`]) {
        results.push({ domain: alt, is_available: !isTaken(alt), is_alternative: true, restriction: null });
      }
    }
    return c.json(results);
  });

  app.post('/api/domains/v1/portfolio', async (c) => {
    const body = await parseBody(c, PurchaseBody);
    const fqdn = body.domain.toLowerCase().replace(/\.$/, '');
    if (!HOST.test(fqdn)) throw fieldError('domain', 'The domain must be a valid domain name.');
    if (isTaken(fqdn)) throw fieldError('domain', 'The domain is not available for registration.');
    const tld = fqdn.slice(fqdn.indexOf('.') + 1);
    const item = sim.state.catalog.find((i) => i.prices.some((p) => p.id === body.item_id));
    if (item?.category === 'DOMAIN' && item.metadata?.tld !== tld) {
      throw fieldError('item_id', `The selected item_id is not valid for .${tld} domains.`);
    }
    const placed = placeOrder(sim, {
      itemId: body.item_id,
      category: 'DOMAIN',
      paymentMethodId: body.payment_method_id,
      name: fqdn,
    });
    if (placed.pending) return c.json(placed.order, 202);
    const now = isoNow();
    const years = placed.price.period_unit === 'year' ? placed.price.period : 1;
    const expires = new Date(Date.now());
    expires.setUTCFullYear(expires.getUTCFullYear() + years);
    const contacts = body.domain_contacts ?? {};
    const profile = 614698;
    sim.state.domains.set(fqdn, {
      id: nextId(sim),
      domain: fqdn,
      type: 'domain',
      status: 'active',
      is_privacy_protection_allowed: true,
      is_privacy_protected: true,
      is_lockable: true,
      is_locked: true,
      name_servers: { ns1: 'ns1.dns-parking.com', ns2: 'ns2.dns-parking.com' },
      domain_contacts: {
        owner_id: contacts.owner_id ?? profile,
        admin_id: contacts.admin_id ?? profile,
        billing_id: contacts.billing_id ?? profile,
        tech_id: contacts.tech_id ?? profile,
      },
      created_at: now,
      updated_at: now,
      registered_at: now,
      expires_at: isoNow(expires),
    });
    sim.state.zones.set(fqdn, defaultZone(fqdn));
    sim.state.defaultZones.set(fqdn, defaultZone(fqdn));
    return c.json(placed.order);
  });

  app.put('/api/domains/v1/portfolio/:domain/nameservers', async (c) => {
    const domain = owned(c);
    const body = await parseBody(c, NameserversBody);
    const errors: FieldErrors = {};
    for (const key of ['ns1', 'ns2', 'ns3', 'ns4'] as const) {
      const value = body[key];
      if (value !== undefined && !HOST.test(value)) errors[key] = [`The ${key} must be a valid host name.`];
    }
    if (Object.keys(errors).length > 0) throw unprocessable(errors);
    const servers: SimDomain['name_servers'] = { ns1: body.ns1.toLowerCase(), ns2: body.ns2.toLowerCase() };
    if (body.ns3) servers.ns3 = body.ns3.toLowerCase();
    if (body.ns4) servers.ns4 = body.ns4.toLowerCase();
    domain.name_servers = servers;
    touch(domain);
    return accepted(c);
  });

  const toggle = (
    path: string,
    field: 'is_locked' | 'is_privacy_protected',
    allowed: 'is_lockable' | 'is_privacy_protection_allowed',
  ) => {
    const handler = (value: boolean) => (c: Context) => {
      const domain = owned(c);
      if (!domain[allowed]) throw fieldError('domain', `This operation is not allowed for ${domain.domain}.`);
      domain[field] = value;
      touch(domain);
      return accepted(c);
    };
    app.put(`/api/domains/v1/portfolio/:domain/${path}`, handler(true));
    app.delete(`/api/domains/v1/portfolio/:domain/${path}`, handler(false));
  };
  toggle('domain-lock', 'is_locked', 'is_lockable');
  toggle('privacy-protection', 'is_privacy_protected', 'is_privacy_protection_allowed');
}
