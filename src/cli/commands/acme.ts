/**
 * `setec-hosting acme ...`: DNS-01 challenge records for ACME clients (lego's `exec` provider, certbot's
 * manual hooks). `present` returns once every nameserver answers the value.
 * @module
 */
import type { Dns01Options } from '../../acme/options.js';
import type { CommandContext, CommandSpec, FlagSpec, GroupSpec } from '../spec.js';
import { numberFlag } from './shared.js';

const FLAGS: Record<string, FlagSpec> = {
  zone: { type: 'string', value: 'domain', description: 'The zone to write in (default: found from the name)' },
  nameserver: {
    type: 'string',
    value: 'host[:port]',
    multiple: true,
    description:
      'A nameserver to check instead of the zone’s own (repeatable; or $SETEC_HOSTING_ACME_NAMESERVERS, comma-separated)',
  },
  timeout: { type: 'string', value: 's', description: 'Seconds to wait for every nameserver to answer (default 120)' },
  interval: { type: 'string', value: 's', description: 'Seconds between two checks (default 2)' },
};

async function options(ctx: CommandContext): Promise<Dns01Options> {
  const flagged = (ctx.flags.nameserver as string[] | undefined) ?? [];
  const fromEnv = (ctx.env.SETEC_HOSTING_ACME_NAMESERVERS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const nameservers = flagged.length > 0 ? flagged : fromEnv;
  const timeout = await numberFlag(ctx, 'timeout', false);
  const interval = await numberFlag(ctx, 'interval', false);
  return {
    ...(typeof ctx.flags.zone === 'string' ? { zone: ctx.flags.zone } : {}),
    ...(nameservers.length > 0 ? { nameservers } : {}),
    ...(timeout === undefined ? {} : { timeoutMs: timeout * 1000 }),
    ...(interval === undefined ? {} : { intervalMs: interval * 1000 }),
  };
}

async function certbotInput(ctx: CommandContext): Promise<{ domain: string; value: string }> {
  const domain = ctx.env.CERTBOT_DOMAIN;
  const value = ctx.env.CERTBOT_VALIDATION;
  if (!domain || !value) {
    const { ValidationError } = await import('../../core/errors.js');
    throw new ValidationError('CERTBOT_DOMAIN and CERTBOT_VALIDATION must be set (certbot sets them for its hooks)', {
      fields: {
        ...(domain ? {} : { CERTBOT_DOMAIN: ['is not set'] }),
        ...(value ? {} : { CERTBOT_VALIDATION: ['is not set'] }),
      },
    });
  }
  return { domain, value };
}

type Step = 'present' | 'cleanup';

async function run(ctx: CommandContext, step: Step, name: string, value: string): Promise<void> {
  const [acme, provider, opts] = await Promise.all([import('../../acme/index.js'), ctx.provider(), options(ctx)]);
  if (step === 'present') await acme.presentDns01(provider, name, value, opts);
  else await acme.cleanupDns01(provider, name, value, opts);
  ctx.out.done(step === 'present' ? `challenge for ${name} presented and answered` : `challenge for ${name} removed`);
}

const ARGS = [
  { name: 'fqdn', description: 'The challenge name (_acme-challenge.example.com.) or the domain being validated' },
  { name: 'value', description: 'The challenge value (the key authorization digest)' },
];

const positional = (step: Step, summary: string): CommandSpec => ({
  name: step,
  summary,
  args: ARGS,
  flags: FLAGS,
  example: `setec-hosting acme ${step} _acme-challenge.example.com. "$VALUE" --provider hostinger`,
  notes: 'The arguments of lego’s exec provider: point EXEC_PATH at a script running `setec-hosting acme "$@"`.',
  run: (ctx) => run(ctx, step, ctx.args.fqdn as string, ctx.args.value as string),
});

const certbot = (step: Step, name: string, summary: string): CommandSpec => ({
  name,
  summary,
  args: [],
  flags: FLAGS,
  example: `certbot certonly --manual --preferred-challenges dns --manual-${step === 'present' ? 'auth' : 'cleanup'}-hook "setec-hosting acme ${name}" -d example.com`,
  notes: 'Reads CERTBOT_DOMAIN and CERTBOT_VALIDATION, which certbot sets for its manual hooks.',
  async run(ctx) {
    const { domain, value } = await certbotInput(ctx);
    await run(ctx, step, domain, value);
  },
});

/** `setec-hosting acme`. */
export const acme: GroupSpec = {
  name: 'acme',
  summary: 'ACME DNS-01 challenges for lego and certbot: present and clean up TXT records',
  commands: [
    positional('present', 'Add a challenge value and wait until every nameserver answers it'),
    positional('cleanup', 'Remove a challenge value (only that value; safe to repeat)'),
    certbot('present', 'certbot-auth', 'certbot --manual-auth-hook: present $CERTBOT_VALIDATION for $CERTBOT_DOMAIN'),
    certbot('cleanup', 'certbot-cleanup', 'certbot --manual-cleanup-hook: remove $CERTBOT_VALIDATION'),
  ],
};
