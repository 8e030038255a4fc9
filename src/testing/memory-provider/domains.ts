import type { Domain, DomainsCapability } from '../../core/domains.js';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors.js';
import { assertWithinMaxPrice, checkMaxPrice } from '../../core/spending.js';
import { normalizeDomain, normalizeNameservers, validateRecords } from '../../core/validation/index.js';
import { DEFAULT_NAMESERVERS } from './seed.js';
import { checkSignal, copy, nextId } from './state.js';
import type { MemoryState } from './state.js';

const invalid = (field: string, message: string) =>
  new ValidationError(`Invalid ${field}: ${message}`, { fields: { [field]: [message] } });

/**
 * The domains group of the memory provider: a purchase adds the domain, a zone with the default
 * records and a subscription; availability is "not in the account and not in `takenDomains`".
 */
export function createMemoryDomains(state: MemoryState): DomainsCapability {
  const domain = (name: string): Domain => {
    const key = normalizeDomain(name);
    const found = state.domains.get(key);
    if (!found) throw new NotFoundError(`Domain "${key}" is not in this account`, { provider: state.provider });
    return found;
  };
  const setFlag = async (
    name: string,
    flag: 'locked' | 'privacy_protection',
    value: boolean,
    options?: { signal?: AbortSignal },
  ) => {
    checkSignal(options);
    domain(name)[flag] = value;
  };
  const catalogPrice = (name: string) => {
    const tld = name.slice(name.lastIndexOf('.') + 1);
    return state.catalog.find((item) => item.category.toUpperCase() === 'DOMAIN' && item.id.includes(`-${tld}-`));
  };

  return {
    async list(options) {
      checkSignal(options);
      return copy([...state.domains.values()]);
    },

    async get(name, options) {
      checkSignal(options);
      return copy(domain(name));
    },

    async checkAvailability(domains, options) {
      checkSignal(options);
      if (!Array.isArray(domains) || domains.length === 0) throw invalid('domains', 'must be a non-empty array');
      const names = domains.map((d, i) => normalizeDomain(d, `domains.${i}`));
      return names.map((name) => {
        const available = !state.domains.has(name) && !state.takenDomains.has(name);
        const item = catalogPrice(name);
        return available && item
          ? { domain: name, available, price: item.price_cents / 100, currency: item.currency }
          : { domain: name, available };
      });
    },

    async purchase(request, options) {
      checkSignal(options);
      const name = normalizeDomain(request.domain);
      if (!Number.isInteger(request.period) || request.period < 1 || request.period > 10)
        throw invalid('period', 'must be a whole number of years from 1 to 10');
      const maxPrice = checkMaxPrice(options, state.provider);
      const taken = state.domains.has(name) || state.takenDomains.has(name);
      if (maxPrice !== undefined) {
        // The spending guard: a taken domain has no price, and the catalog price is what a purchase charges.
        const item = taken ? undefined : catalogPrice(name);
        const price = item && { amount: item.price_cents / 100, currency: item.currency };
        assertWithinMaxPrice(maxPrice, price, `${name}${taken ? ' (not available)' : ''}`, state.provider);
      }
      if (taken) throw new ConflictError(`Domain "${name}" is not available`, { provider: state.provider });
      const now = state.now();
      const expires = new Date(now);
      expires.setUTCFullYear(expires.getUTCFullYear() + request.period);
      const bought: Domain = {
        name,
        registrar: state.provider,
        status: 'active',
        expires_at: expires.toISOString(),
        auto_renew: Boolean(request.auto_renew),
        locked: true,
        privacy_protection: Boolean(request.privacy_protection),
        nameservers: [...DEFAULT_NAMESERVERS],
      };
      state.domains.set(name, bought);
      if (!state.zones.has(name)) state.zones.set(name, validateRecords(state.defaultRecords(name)));
      const item = catalogPrice(name);
      state.subscriptions.push({
        id: `sub-${nextId(state)}`,
        name,
        status: 'active',
        plan: item?.id ?? `domain-${name}`,
        price: (item?.price_cents ?? 999) / 100,
        currency: item?.currency ?? 'USD',
        renews_at: bought.expires_at,
        created_at: now.toISOString(),
        period: item?.period ?? 'yearly',
      });
      return copy(bought);
    },

    async setNameservers(name, nameservers, options) {
      checkSignal(options);
      const normalized = normalizeNameservers(nameservers);
      domain(name).nameservers = normalized;
    },

    enableLock: (name, options) => setFlag(name, 'locked', true, options),
    disableLock: (name, options) => setFlag(name, 'locked', false, options),
    enablePrivacy: (name, options) => setFlag(name, 'privacy_protection', true, options),
    disablePrivacy: (name, options) => setFlag(name, 'privacy_protection', false, options),
  };
}
