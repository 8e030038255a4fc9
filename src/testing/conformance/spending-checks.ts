import { isValidationError } from '../../core/errors.js';
import { requireCapability } from '../../core/provider.js';
import type { Provider } from '../../core/provider.js';
import { ensure, rejection, show } from './assert.js';
import type { ConformanceCheck } from './types.js';

/** The refusal every spending-guard check expects: a `ValidationError` whose `fields` name `maxPrice`. */
async function ensureRefused(call: Promise<unknown>, what: string): Promise<void> {
  const error = await rejection(call, what);
  const fields = isValidationError(error) ? error.fields : undefined;
  ensure(
    fields !== undefined && Object.hasOwn(fields, 'maxPrice'),
    `${what} should be a ValidationError whose fields name maxPrice, got ${show(String(error))} ${show(fields)}`,
  );
}

const domainNames = async (provider: Provider) =>
  (await requireCapability(provider, 'domains').list()).map((d) => d.name).sort();
const vmIds = async (provider: Provider) => (await requireCapability(provider, 'vps').list()).map((vm) => vm.id).sort();

/**
 * A provider that offers purchases honours `maxPrice`. When it does, these checks buy nothing; a
 * provider that ignored the limit would really buy, so run them against a simulator or a sandbox.
 */
export const spendingChecks: ConformanceCheck[] = [
  {
    name: 'spending: domains.purchase with maxPrice refuses a domain that is not available, naming maxPrice',
    requires: 'domains',
    async run(provider, ctx) {
      const domains = requireCapability(provider, 'domains');
      const owned = (await domains.list())[0]?.name ?? ctx.domain;
      const before = await domainNames(provider);
      const request = { domain: owned, period: 1, auto_renew: false, privacy_protection: false };
      await ensureRefused(domains.purchase(request, { maxPrice: 1_000_000 }), `purchase of ${owned}, already taken,`);
      ensure(show(await domainNames(provider)) === show(before), 'a refused purchase changed domains.list()');
    },
  },
  {
    name: 'spending: domains.purchase with maxPrice below the price is refused and buys nothing',
    requires: 'domains',
    async run(provider, ctx) {
      const domains = requireCapability(provider, 'domains');
      const name = `${ctx.uniqueName()}.com`;
      const [offer] = await domains.checkAvailability([name]);
      // Below the price it reported; with no price known, any limit must refuse.
      const maxPrice = offer?.price !== undefined && offer.price >= 0.01 ? offer.price - 0.01 : 1_000_000;
      const request = { domain: name, period: 1, auto_renew: false, privacy_protection: false };
      await ensureRefused(
        domains.purchase(request, { maxPrice }),
        `purchase of ${name} (${show(offer)}) with maxPrice ${maxPrice}`,
      );
      ensure(!(await domainNames(provider)).includes(name), `${name} was bought despite maxPrice ${maxPrice}`);
    },
  },
  {
    name: 'spending: vps.create with maxPrice 0, or a plan not in the catalog, is refused and creates nothing',
    requires: 'vps',
    async run(provider, ctx) {
      const vps = requireCapability(provider, 'vps');
      const catalog = provider.billing ? await provider.billing.getCatalog() : [];
      const plan = catalog.find((i) => i.category.toLowerCase() === 'vps' && i.price_cents > 0);
      const [dc] = await vps.listDataCenters();
      const before = await vmIds(provider);
      const request = {
        plan: plan?.id ?? 'conformance-no-such-plan',
        data_center_id: dc?.id ?? '1',
        template: 'Ubuntu 22.04',
        password: 'Conformance-Check-2026',
        hostname: `${ctx.uniqueName()}.example.com`,
      };
      if (plan) await ensureRefused(vps.create(request, { maxPrice: 0 }), `vps.create of ${plan.id} with maxPrice 0`);
      const unknown = { ...request, plan: 'conformance-no-such-plan' };
      await ensureRefused(vps.create(unknown, { maxPrice: 1_000_000 }), 'vps.create of a plan not in the catalog');
      ensure(show(await vmIds(provider)) === show(before), 'a refused vps.create changed vps.list()');
    },
  },
];
