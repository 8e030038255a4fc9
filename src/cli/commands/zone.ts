/**
 * `setec-hosting dns export|plan|apply`: a zone as an RFC 1035 master file, compared with and applied to
 * the provider's zone through `setec-hosting/zone`.
 * @module
 */
import type { Provider } from '../../core/provider.js';
import type { ZonePlan } from '../../zone/types.js';
import type { Output } from '../output.js';
import type { CommandContext, CommandSpec, FlagSpec } from '../spec.js';
import { capability } from './shared.js';

const DOMAIN = { name: 'domain', description: 'The zone, e.g. example.com' };
const ZONEFILE = {
  name: 'zonefile',
  description: 'A zone file (RFC 1035 master file), - for stdin, or for apply a plan.json from dns plan --out',
};
const NO_PURGE: FlagSpec = {
  type: 'boolean',
  description: 'Keep record sets the file does not mention (default: delete them)',
};

/** How many record sets a plan may hold before `dns apply` reports progress. */
const PROGRESS_FROM = 4;

async function readZone(ctx: CommandContext) {
  const file = ctx.args.zonefile as string;
  const { parseZoneFile } = await import('../../zone/index.js');
  let text: string;
  try {
    text = file === '-' ? await ctx.readStdin() : await (await import('node:fs/promises')).readFile(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code !== 'string') throw error;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : `cannot be read (${code})`;
    const { ValidationError } = await import('../../core/errors.js');
    throw new ValidationError(`The zone file ${file}: ${why}`, { fields: { zonefile: [why] } });
  }
  return parseZoneFile(text, { origin: ctx.args.domain as string }).records;
}

async function makePlan(ctx: CommandContext): Promise<ZonePlan> {
  const file = ctx.args.zonefile as string | undefined;
  if (file === undefined) {
    // `dns apply plan.json`: a reviewed plan names its own zone.
    const alone = ctx.args.domain as string;
    if (alone.endsWith('.json')) return reviewedPlan(alone, undefined);
    const { UsageError } = await import('../errors.js');
    throw new UsageError('missing argument <zonefile> (or give a plan file from dns plan --out alone)');
  }
  if (file.endsWith('.json')) return reviewedPlan(file, ctx.args.domain as string);
  const records = await readZone(ctx);
  const provider = await ctx.provider();
  const { planZone } = await import('../../zone/index.js');
  return planZone(provider, ctx.args.domain as string, records, { purge: ctx.flags['no-purge'] !== true });
}

/** A plan written by `dns plan --out`, for `domain` when given: applied exactly as reviewed. */
async function reviewedPlan(file: string, named: string | undefined): Promise<ZonePlan> {
  const [{ readJson }, { readPlan }, { normalizeDomain }, { ValidationError }] = await Promise.all([
    import('./read-json.js'),
    import('../../zone/index.js'),
    import('../../core/validation/index.js'),
    import('../../core/errors.js'),
  ]);
  const plan = readPlan(await readJson(file, 'plan'));
  if (named === undefined) return plan;
  const domain = normalizeDomain(named);
  if (plan.domain !== domain)
    throw new ValidationError(`The plan ${file} is for ${plan.domain}, not ${domain}`, {
      fields: { 'plan.domain': [`must be ${domain}`] },
    });
  return plan;
}

/** The plan's diff, `+` green, `-` red, `~` yellow on a terminal. */
export function paintDiff(out: Output, text: string, stderr: boolean): string {
  const colors = { '+': 'green', '-': 'red', '~': 'yellow' } as const;
  return text
    .split('\n')
    .map((line) => {
      const color = colors[line[0] as keyof typeof colors];
      return color ? out.paint(color, line, stderr) : line;
    })
    .join('\n');
}

/** A plan as plain JSON (its `toString` is a method, not data). */
function planJson(plan: ZonePlan) {
  const { provider, domain, changes, unchanged, snapshot } = plan;
  return { provider, domain, changes, unchanged, snapshot };
}

/** A word for a POSIX shell: as it is when safe, else in single quotes. */
const shellWord = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/**
 * After writes had begun and failed (or were interrupted), saves the zone as it was before the plan and
 * prints the command that puts it back, with the same config directory and provider. The file goes in a
 * new private directory (mode 0700, created by `mkdtemp`) and is created exclusively, so no other user can
 * choose where it is written. Refusals that wrote nothing (a stale or unsafe plan, bad input) need none.
 */
async function keepSnapshot(ctx: CommandContext, plan: ZonePlan, error: unknown): Promise<void> {
  const { formatZoneFile, partialWriteOf } = await import('../../zone/index.js');
  if (!partialWriteOf(error)) return;
  try {
    const [{ mkdtemp, writeFile }, { tmpdir }, { join }] = await Promise.all([
      import('node:fs/promises'),
      import('node:os'),
      import('node:path'),
    ]);
    const dir = await mkdtemp(join(tmpdir(), 'setec-hosting-rollback-'));
    const file = join(dir, `${plan.domain}-before.zone`);
    await writeFile(file, formatZoneFile(plan.domain, plan.snapshot.records), { mode: 0o600, flag: 'wx' });
    const configDir = (ctx.flags['config-dir'] as string | undefined) ?? ctx.env.SETEC_HOSTING_CONFIG_DIR;
    const provider = (ctx.flags.provider as string | undefined) ?? ctx.env.SETEC_HOSTING_PROVIDER;
    const command = ['setec-hosting', 'dns', 'apply', plan.domain, file, '--force'];
    if (configDir) command.push('--config-dir', configDir);
    if (provider) command.push('--provider', provider);
    ctx.out.message(`The zone as it was before this apply is saved in ${file}; put it back with:`);
    ctx.out.message(`  ${command.map(shellWord).join(' ')}`);
  } catch {
    // The original error matters more than a failed rescue file.
  }
}

/** An `UnsafePlanError` as the CLI's user fixes it: with `--force`, not the SDK's `force: true`. */
async function forCli(error: unknown): Promise<unknown> {
  const { isUnsafePlanError, UnsafePlanError } = await import('../../zone/index.js');
  if (!isUnsafePlanError(error)) return error;
  return new UnsafePlanError(error.message.replace('pass force: true', 'pass --force'), {
    changes: error.changes,
    existing: error.existing,
    maxChangeRatio: error.maxChangeRatio,
    provider: error.provider,
  });
}

/**
 * Applies a plan; Ctrl-C stops it between writes (and aborts the request in flight). Whatever was
 * written by then, the zone as it was is saved with the command that restores it, and the exit status
 * is 130.
 */
export async function applyWithRescue(
  ctx: CommandContext,
  plan: ZonePlan,
  force: boolean,
  chosen?: Provider,
  onProgress: (done: number, total: number) => void = (done, total) => {
    if (total >= PROGRESS_FROM) ctx.out.message(`applied ${done}/${total} writes`);
  },
) {
  const provider = chosen ?? (await ctx.provider());
  const { applyPlan } = await import('../../zone/index.js');
  const interrupt = new AbortController();
  const onSigint = () => interrupt.abort(Object.assign(new Error('interrupted'), { name: 'AbortError' }));
  process.once('SIGINT', onSigint);
  try {
    await applyPlan(provider, plan, { force, signal: interrupt.signal, onProgress });
  } catch (error) {
    await keepSnapshot(ctx, plan, error);
    if (!interrupt.signal.aborted) throw await forCli(error);
    throw Object.assign(new Error(`stopped by Ctrl-C; ${String((error as Error).message ?? error)}`), {
      name: 'Interrupted',
      exitCode: 130,
    });
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

/** `dns export`, `dns plan` and `dns apply`. */
export const zoneCommands: CommandSpec[] = [
  {
    name: 'export',
    summary: 'Print the zone as a zone file (RFC 1035 master file)',
    args: [DOMAIN],
    example: 'setec-hosting dns export example.com > example.com.zone',
    notes: 'With --output json, prints the records as dns list does.',
    async run(ctx) {
      const domain = ctx.args.domain as string;
      const records = await (await capability(ctx, 'dns')).list(domain);
      if (ctx.out.json) return ctx.out.data(records);
      const { formatZoneFile } = await import('../../zone/index.js');
      ctx.out.text(formatZoneFile(domain, records));
    },
  },
  {
    name: 'plan',
    summary: 'Show what applying a zone file would change',
    args: [DOMAIN, ZONEFILE],
    flags: {
      'no-purge': NO_PURGE,
      'detailed-exitcode': {
        type: 'boolean',
        description: 'Exit 0 when there are no changes, 2 when changes are pending',
      },
      out: { type: 'string', value: 'file', description: 'Also write the plan as JSON, for review and dns apply' },
    },
    example: 'setec-hosting dns plan example.com example.com.zone --out plan.json --detailed-exitcode',
    notes:
      'Exit status with --detailed-exitcode: 0 no changes, 2 changes pending, 1 error.\n' +
      '--out writes the plan (its JSON Schema is ZONE_PLAN_SCHEMA of setec-hosting/zone); dns apply <domain>\n' +
      'plan.json applies exactly that plan, or nothing when the zone changed since.',
    async run(ctx) {
      const plan = await makePlan(ctx);
      const out = ctx.flags.out as string | undefined;
      if (out) {
        const { writeFile } = await import('node:fs/promises');
        await writeFile(out, `${JSON.stringify(plan, null, 2)}\n`);
        ctx.out.message(`plan written to ${out}`);
      }
      if (ctx.out.json) ctx.out.data(planJson(plan));
      else ctx.out.text(paintDiff(ctx.out, plan.toString(), false));
      return ctx.flags['detailed-exitcode'] === true && plan.changes.length > 0 ? 2 : 0;
    },
  },
  {
    name: 'apply',
    summary: 'Make the zone match a zone file (shows the plan and asks first; --yes without a terminal)',
    args: [
      { name: 'domain', description: 'The zone, e.g. example.com; or, alone, a plan file written by dns plan --out' },
      { ...ZONEFILE, optional: true },
    ],
    flags: {
      'no-purge': NO_PURGE,
      force: { type: 'boolean', description: 'Apply even when the plan updates or deletes more than 30% of the zone' },
      yes: { type: 'boolean', description: 'Do not ask for confirmation (required when not on a terminal)' },
    },
    example: 'setec-hosting dns apply example.com example.com.zone --yes',
    notes:
      'A plan file from dns plan --out may be given alone (dns apply plan.json): it names its zone.\n' +
      'The zone is read again before writing: if it changed since the plan, nothing is written (ConflictError).\n' +
      'A plan that updates or deletes more than 30% of a zone of 10 or more record sets is refused without --force\n' +
      '(the limit holds per plan; zones of fewer than 10 record sets have none).\n' +
      'If a write fails or Ctrl-C stops it, the zone as it was is saved to a file and the command that puts\n' +
      'it back is printed (exit status 130 after Ctrl-C).',
    async run(ctx) {
      const plan = await makePlan(ctx);
      ctx.out.message(paintDiff(ctx.out, plan.toString(), true));
      if (plan.changes.length === 0) {
        if (ctx.out.json) ctx.out.data(planJson(plan));
        return;
      }
      // The plan only read the zone; without a terminal to ask on, --yes is needed before anything is written.
      ctx.assertCanConfirm();
      const count = plan.changes.length;
      await ctx.confirm(`Apply ${count} change${count === 1 ? '' : 's'} to ${plan.domain}?`);
      await applyWithRescue(ctx, plan, ctx.flags.force === true);
      ctx.out.done(`${plan.domain}: ${count} record set${count === 1 ? '' : 's'} changed`);
      if (ctx.out.json) ctx.out.data(planJson(plan));
    },
  },
];
