/**
 * `setec-hosting dns snapshot|restore|copy`: a zone kept as JSON and put back, and a zone copied between
 * two configured providers. Each write shows its plan and asks first, as `dns apply` does.
 * @module
 */
import type { Provider } from '../../core/provider.js';
import type { ZonePlan, ZoneSnapshot } from '../../zone/types.js';
import type { CommandContext, CommandSpec } from '../spec.js';
import { readJson } from './read-json.js';
import { applyWithRescue, paintDiff } from './zone.js';

const DOMAIN = { name: 'domain', description: 'The zone, e.g. example.com' };
const YES = { type: 'boolean', description: 'Do not ask for confirmation (required when not on a terminal)' } as const;

/** Shows a plan on stderr; with changes, asks (or needs --yes) and applies it. */
async function confirmAndApply(ctx: CommandContext, provider: Provider, plan: ZonePlan, force: boolean) {
  ctx.out.message(paintDiff(ctx.out, plan.toString(), true));
  if (plan.changes.length === 0) return;
  ctx.assertCanConfirm();
  const count = plan.changes.length;
  await ctx.confirm(`Apply ${count} change${count === 1 ? '' : 's'} to ${plan.domain} on ${plan.provider}?`);
  await applyWithRescue(ctx, plan, force, provider);
  ctx.out.done(`${plan.domain}: ${count} record set${count === 1 ? '' : 's'} changed`);
}

/** A configured provider by its name in the store (for `--from` / `--to`). */
async function providerNamed(ctx: CommandContext, name: string): Promise<Provider> {
  const [{ loadAdapters }, { createProvider }, { UsageError }] = await Promise.all([
    import('../runtime.js'),
    import('../../core/registry.js'),
    import('../errors.js'),
  ]);
  await loadAdapters();
  const config = await (await ctx.store()).get(name);
  if (!config) throw new UsageError(`provider "${name}" is not configured (see "setec-hosting providers list")`);
  if (config.api_key) ctx.hideSecret(config.api_key);
  if (config.api_secret) ctx.hideSecret(config.api_secret);
  return createProvider(config.provider, config);
}

/** `dns snapshot`, `dns restore` and `dns copy`. */
export const zoneFileCommands: CommandSpec[] = [
  {
    name: 'snapshot',
    summary: 'Print the zone as a JSON snapshot, to keep and restore later',
    args: [DOMAIN],
    example: 'setec-hosting dns snapshot example.com > example.com.snapshot.json',
    async run(ctx) {
      const provider = await ctx.provider();
      const { planZone } = await import('../../zone/index.js');
      // A plan against nothing reads the zone exactly as a plan would: its snapshot is the zone.
      const { snapshot } = await planZone(provider, ctx.args.domain as string, [], { purge: false });
      ctx.out.data(snapshot);
    },
  },
  {
    name: 'restore',
    summary: 'Put a zone back as a snapshot recorded it (shows the plan and asks first)',
    args: [DOMAIN, { name: 'file', description: 'A snapshot written by dns snapshot' }],
    flags: {
      'from-other-provider': {
        type: 'boolean',
        description: "Restore a snapshot taken on another provider (the target's apex NS stay as they are)",
      },
      yes: YES,
    },
    example: 'setec-hosting dns restore example.com example.com.snapshot.json --yes',
    notes:
      'The apex NS set is restored too when the snapshot holds it. No change-ratio limit applies.\n' +
      'A snapshot of another domain is refused, and one taken on another provider unless --from-other-provider.',
    async run(ctx) {
      const snapshot = (await readJson(ctx.args.file as string, 'snapshot')) as ZoneSnapshot;
      const { checkSnapshot, planRestore } = await import('../../zone/restore.js');
      const domain = ctx.args.domain as string;
      checkSnapshot(snapshot, domain);
      const provider = await ctx.provider();
      const plan = await planRestore(provider, snapshot, {
        domain,
        fromOtherProvider: ctx.flags['from-other-provider'] === true,
        allowOtherProvider: '--from-other-provider',
      });
      await confirmAndApply(ctx, provider, plan, true);
    },
  },
  {
    name: 'copy',
    summary: 'Plan a copy of a zone from one configured provider to another (applies with --yes)',
    args: [DOMAIN],
    flags: {
      from: { type: 'string', value: 'provider', description: 'The configured provider to copy from' },
      to: { type: 'string', value: 'provider', description: 'The configured provider to copy to' },
      'with-ns': { type: 'boolean', description: "Move the source's apex NS (name servers) too" },
      force: { type: 'boolean', description: 'Apply even when the plan changes more than 30% of the target zone' },
      yes: YES,
    },
    example: 'setec-hosting dns copy example.com --from hostinger --to digitalocean --yes',
    notes:
      'The target keeps its own apex NS (name servers) unless --with-ns; the SOA is never copied.\n' +
      'Without --yes and without a terminal, the plan is shown and nothing is written.',
    async run(ctx) {
      const { UsageError } = await import('../errors.js');
      const from = ctx.flags.from as string | undefined;
      const to = ctx.flags.to as string | undefined;
      if (!from || !to) throw new UsageError('dns copy needs --from <provider> and --to <provider>');
      if (from === to) throw new UsageError('--from and --to name the same provider');
      const domain = ctx.args.domain as string;
      const [source, target] = [await providerNamed(ctx, from), await providerNamed(ctx, to)];
      const { planZone } = await import('../../zone/index.js');
      const { requireCapability } = await import('../../core/provider.js');
      const records = await requireCapability(source, 'dns').list(domain);
      const plan = await planZone(target, domain, records, { apexNs: ctx.flags['with-ns'] === true });
      let canAsk = true;
      try {
        ctx.assertCanConfirm();
      } catch {
        canAsk = false;
      }
      if (!canAsk) {
        // No terminal to ask on and no --yes: the plan is the answer, and nothing is written.
        ctx.out.text(paintDiff(ctx.out, plan.toString(), false));
        if (plan.changes.length > 0) ctx.out.message('Nothing was written: pass --yes to apply this plan.');
        return;
      }
      await confirmAndApply(ctx, target, plan, ctx.flags.force === true);
    },
  },
];
