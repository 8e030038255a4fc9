import type { Context } from 'hono';
import type { DomainsCapability } from '../core/domains.js';
import { callOptions, capability, pathParam, type HostingApp, type RouteContext } from './context.js';
import { checkDomainsBody, nameserversBody, purchaseDomainBody, readJson } from './schemas.js';
import { withMaxPrice } from './spending.js';

const PREFIX = '/providers/:provider/domains';

type Toggle = 'enableLock' | 'disableLock' | 'enablePrivacy' | 'disablePrivacy';

/** Domains: list, details, availability, purchase, nameservers, transfer lock, WHOIS privacy. */
export function registerDomainRoutes(app: HostingApp, ctx: RouteContext): void {
  app.get(PREFIX, async (c) => {
    const domains = await capability(ctx, c, 'domains');
    return c.json(await domains.list(callOptions(c)));
  });

  // Registered before `/:domain` routes so `check` and `purchase` are never read as domain names.
  app.post(`${PREFIX}/check`, async (c) => {
    const domains = await capability(ctx, c, 'domains');
    const body = await readJson(c, checkDomainsBody);
    return c.json(await domains.checkAvailability(body.domains, callOptions(c)));
  });

  app.post(`${PREFIX}/purchase`, async (c) => {
    const domains = await capability(ctx, c, 'domains');
    const { max_price, ...request } = await readJson(c, purchaseDomainBody);
    return c.json(await withMaxPrice(c, max_price, (options) => domains.purchase(request, options)), 201);
  });

  app.get(`${PREFIX}/:domain`, async (c) => {
    const name = pathParam(c, 'domain');
    const domains = await capability(ctx, c, 'domains');
    return c.json(await domains.get(name, callOptions(c)));
  });

  app.put(`${PREFIX}/:domain/nameservers`, async (c) => {
    const name = pathParam(c, 'domain');
    const domains = await capability(ctx, c, 'domains');
    const body = await readJson(c, nameserversBody);
    await domains.setNameservers(name, body.nameservers, callOptions(c));
    return c.json({ status: 'updated' });
  });

  const toggle = (method: Toggle, status: string) => async (c: Context) => {
    const name = pathParam(c, 'domain');
    const domains: DomainsCapability = await capability(ctx, c, 'domains');
    await domains[method](name, callOptions(c));
    return c.json({ status });
  };
  app.post(`${PREFIX}/:domain/lock`, toggle('enableLock', 'locked'));
  app.delete(`${PREFIX}/:domain/lock`, toggle('disableLock', 'unlocked'));
  app.post(`${PREFIX}/:domain/privacy`, toggle('enablePrivacy', 'enabled'));
  app.delete(`${PREFIX}/:domain/privacy`, toggle('disablePrivacy', 'disabled'));
}
