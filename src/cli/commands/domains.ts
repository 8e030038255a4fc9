/**
 * `setec-hosting domains ...`: registered domains, availability and purchase.
 * @module
 */
import type { FlagSpec, GroupSpec } from '../spec.js';
import { AVAILABILITY_COLUMNS, capability, DOMAIN_COLUMNS, money, numberFlag } from './shared.js';

const DOMAIN = { name: 'domain', description: 'A domain name, e.g. example.com' };
/** `--max-price`: the spending guard of `domains purchase` and `vms create`. */
export const MAX_PRICE: FlagSpec = {
  type: 'string',
  value: 'n',
  description: 'Refuse (nothing bought) when the price is higher than n or cannot be found, e.g. 12.99',
};
const YES: FlagSpec = { type: 'boolean', description: 'Do not ask for confirmation (required when not on a terminal)' };

function toggle(name: string, summary: string, method: 'enableLock' | 'disableLock', done: string) {
  return {
    name,
    summary,
    args: [DOMAIN],
    example: `setec-hosting domains ${name} example.com`,
    async run(ctx: Parameters<GroupSpec['commands'][number]['run']>[0]) {
      await (await capability(ctx, 'domains'))[method](ctx.args.domain as string);
      ctx.out.done(`${ctx.args.domain}: ${done}`);
    },
  };
}

/** `setec-hosting domains`. */
export const domains: GroupSpec = {
  name: 'domains',
  summary: 'Registered domains: list, check availability, purchase, nameservers, lock, privacy',
  commands: [
    {
      name: 'list',
      summary: 'List the domains of the account',
      args: [],
      example: 'setec-hosting domains list',
      async run(ctx) {
        ctx.out.list(await (await capability(ctx, 'domains')).list(), DOMAIN_COLUMNS);
      },
    },
    {
      name: 'get',
      summary: 'Show one domain',
      args: [DOMAIN],
      example: 'setec-hosting domains get example.com',
      async run(ctx) {
        ctx.out.item(await (await capability(ctx, 'domains')).get(ctx.args.domain as string), DOMAIN_COLUMNS);
      },
    },
    {
      name: 'check',
      summary: 'Check whether domains can be registered, and their price',
      args: [{ name: 'domain', variadic: true, description: 'One or more domain names' }],
      example: 'setec-hosting domains check example.com example.net',
      async run(ctx) {
        const result = await (await capability(ctx, 'domains')).checkAvailability(ctx.args.domain as string[]);
        ctx.out.list(result, AVAILABILITY_COLUMNS);
      },
    },
    {
      name: 'purchase',
      summary: 'Register a domain (shows the price and asks first)',
      args: [DOMAIN],
      flags: {
        period: { type: 'string', value: 'years', description: 'Registration period in years (default 1)' },
        'auto-renew': { type: 'boolean', description: 'Renew automatically before it expires' },
        'privacy-protection': { type: 'boolean', description: "Hide the owner's contact details in WHOIS" },
        'payment-method-id': {
          type: 'string',
          value: 'id',
          description: 'Payment method (default: the account default)',
        },
        'max-price': MAX_PRICE,
        yes: YES,
      },
      example: 'setec-hosting domains purchase example.com --period 1 --privacy-protection',
      notes:
        'On a terminal the prompt shows what the card pays today for the whole period (the figure --max-price is ' +
        'compared with); elsewhere --yes is required.',
      async run(ctx) {
        ctx.assertCanConfirm();
        const domain = ctx.args.domain as string;
        const period = (await numberFlag(ctx, 'period')) ?? 1;
        const maxPrice = await numberFlag(ctx, 'max-price', false);
        const api = await capability(ctx, 'domains');
        if (ctx.flags.yes !== true) {
          // The price for the whole period, as charged today: the figure the spending guard compares.
          const [offer] = await api.checkAvailability([domain], { period });
          const price = offer?.price === undefined ? 'an unknown price' : money(offer.price, offer.currency);
          const state = offer && !offer.available ? ' (reported as not available)' : '';
          const limit = maxPrice === undefined ? '' : ` (limit ${maxPrice})`;
          await ctx.confirm(
            `Purchase ${domain}${state} for ${period} year${period === 1 ? '' : 's'} at ${price}${limit}?`,
          );
        }
        const paymentMethod = ctx.flags['payment-method-id'] as string | undefined;
        const bought = await api.purchase(
          {
            domain,
            period,
            auto_renew: ctx.flags['auto-renew'] === true,
            privacy_protection: ctx.flags['privacy-protection'] === true,
            ...(paymentMethod === undefined ? {} : { payment_method_id: paymentMethod }),
          },
          maxPrice === undefined ? {} : { maxPrice },
        );
        ctx.out.item(bought, DOMAIN_COLUMNS);
      },
    },
    {
      name: 'nameservers',
      summary: 'Set the nameservers of a domain',
      args: [DOMAIN, { name: 'nameserver', variadic: true, description: 'Two or more nameserver host names' }],
      example: 'setec-hosting domains nameservers example.com ns1.example.net ns2.example.net',
      async run(ctx) {
        const list = ctx.args.nameserver as string[];
        await (await capability(ctx, 'domains')).setNameservers(ctx.args.domain as string, list);
        ctx.out.done(`${ctx.args.domain}: nameservers set to ${list.join(', ')}`);
      },
    },
    toggle('lock', 'Turn the transfer lock on', 'enableLock', 'transfer lock on'),
    toggle('unlock', 'Turn the transfer lock off', 'disableLock', 'transfer lock off'),
    {
      name: 'privacy',
      summary: 'Turn WHOIS privacy protection on or off',
      args: [DOMAIN, { name: 'state', description: 'on or off' }],
      example: 'setec-hosting domains privacy example.com on',
      async run(ctx) {
        const state = ctx.args.state as string;
        if (state !== 'on' && state !== 'off') {
          const { UsageError } = await import('../errors.js');
          throw new UsageError(`<state> must be "on" or "off", not "${state}"`);
        }
        const api = await capability(ctx, 'domains');
        const domain = ctx.args.domain as string;
        await (state === 'on' ? api.enablePrivacy(domain) : api.disablePrivacy(domain));
        ctx.out.done(`${domain}: privacy protection ${state}`);
      },
    },
  ],
};
