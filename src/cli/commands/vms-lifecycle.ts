/**
 * `setec-hosting vms delete|wait|snapshots|snapshot-create|snapshot-restore|snapshot-delete` and the
 * `--wait` / `--timeout` flags the waiting commands share.
 * @module
 */
import type { VmSnapshot, VmWait } from '../../core/vps.js';
import type { Column } from '../output.js';
import type { CommandContext, CommandSpec, FlagSpec } from '../spec.js';
import { capability, numberFlag } from './shared.js';

const ID = { name: 'id', description: 'The VM id (from vms list)' };
const SNAPSHOT_ID = { name: 'snapshot-id', description: 'The snapshot id (from vms snapshots)' };
const YES: FlagSpec = { type: 'boolean', description: 'Do not ask for confirmation (required when not on a terminal)' };

/** `--wait` and `--timeout`, for every command that can wait. */
export const WAIT_FLAGS: Record<string, FlagSpec> = {
  wait: { type: 'boolean', description: 'Wait until the machine got there, polling with growing pauses' },
  timeout: { type: 'string', value: 's', description: 'With --wait: give up after this many seconds (default 600)' },
};

/** The `wait` option the flags ask for: `undefined` without `--wait`. */
export async function waitFromFlags(ctx: CommandContext): Promise<VmWait | undefined> {
  const seconds = await numberFlag(ctx, 'timeout', false);
  if (seconds !== undefined && !(seconds > 0)) {
    const { UsageError } = await import('../errors.js');
    throw new UsageError('--timeout must be a number of seconds greater than 0');
  }
  if (ctx.flags.wait !== true) {
    if (seconds !== undefined) {
      const { UsageError } = await import('../errors.js');
      throw new UsageError('--timeout needs --wait');
    }
    return undefined;
  }
  return seconds === undefined ? true : { timeoutMs: Math.round(seconds * 1000) };
}

const SNAPSHOT_COLUMNS: Column<VmSnapshot>[] = [
  { header: 'id', get: (s) => s.id },
  { header: 'name', get: (s) => s.name },
  { header: 'created', get: (s) => s.created_at },
  { header: 'size gb', get: (s) => s.size_gb },
];

/** The lifecycle commands of `vms`. */
export const lifecycleCommands: CommandSpec[] = [
  {
    name: 'delete',
    summary: 'Destroy a virtual machine and its disk (asks first)',
    args: [ID],
    flags: { yes: YES },
    example: 'setec-hosting vms delete 3164444 --yes',
    notes: 'Not on Hostinger, whose machines are subscriptions cancelled in hPanel. Snapshots stay (and are billed).',
    async run(ctx) {
      ctx.assertCanConfirm();
      const vps = await capability(ctx, 'vps');
      if (ctx.flags.yes !== true) await ctx.confirm(`Destroy VM ${ctx.args.id} and everything on its disk?`);
      await vps.delete(ctx.args.id as string);
      ctx.out.done(`VM ${ctx.args.id} deleted`);
    },
  },
  {
    name: 'wait',
    summary: 'Wait until a virtual machine reports a status (running by default)',
    args: [ID],
    flags: {
      status: { type: 'string', value: 'status', description: 'The status to wait for (default: running)' },
      timeout: WAIT_FLAGS.timeout!,
    },
    example: 'setec-hosting vms wait 1268054 --status stopped --timeout 300',
    notes: 'Exits with an error naming the last status seen when the timeout passes.',
    async run(ctx) {
      const seconds = await numberFlag(ctx, 'timeout', false);
      if (seconds !== undefined && !(seconds > 0)) {
        const { UsageError } = await import('../errors.js');
        throw new UsageError('--timeout must be a number of seconds greater than 0');
      }
      const status = typeof ctx.flags.status === 'string' ? ctx.flags.status : 'running';
      const vps = await capability(ctx, 'vps');
      const timing = seconds === undefined ? {} : { timeoutMs: Math.round(seconds * 1000) };
      ctx.out.item(await vps.waitFor(ctx.args.id as string, status, timing));
    },
  },
  {
    name: 'snapshots',
    summary: "List a virtual machine's snapshots",
    args: [ID],
    example: 'setec-hosting vms snapshots 1268054',
    async run(ctx) {
      ctx.out.list(await (await capability(ctx, 'vps')).listSnapshots(ctx.args.id as string), SNAPSHOT_COLUMNS);
    },
  },
  {
    name: 'snapshot-create',
    summary: 'Take a snapshot of a virtual machine',
    args: [ID],
    flags: {
      name: { type: 'string', value: 'name', description: 'Its name (where the provider names them)' },
      ...WAIT_FLAGS,
    },
    example: 'setec-hosting vms snapshot-create 1268054 --name before-upgrade --wait',
    notes: 'Hostinger keeps one snapshot per machine: a new one replaces the one there.',
    async run(ctx) {
      const wait = await waitFromFlags(ctx);
      const vps = await capability(ctx, 'vps');
      const name = typeof ctx.flags.name === 'string' ? { name: ctx.flags.name } : {};
      const snapshot = await vps.createSnapshot(ctx.args.id as string, { ...name, ...(wait ? { wait } : {}) });
      if (snapshot && wait) ctx.out.item(snapshot, SNAPSHOT_COLUMNS);
      else ctx.out.done(`VM ${ctx.args.id}: snapshot requested`);
    },
  },
  {
    name: 'snapshot-restore',
    summary: "Put a virtual machine's disk back to a snapshot (asks first)",
    args: [ID, SNAPSHOT_ID],
    flags: { yes: YES, ...WAIT_FLAGS },
    example: 'setec-hosting vms snapshot-restore 1268054 325 --wait --yes',
    notes: 'What was written on the disk since the snapshot is lost.',
    async run(ctx) {
      const wait = await waitFromFlags(ctx);
      ctx.assertCanConfirm();
      const vps = await capability(ctx, 'vps');
      const [id, snapshotId] = [ctx.args.id as string, ctx.args['snapshot-id'] as string];
      if (ctx.flags.yes !== true)
        await ctx.confirm(`Restore VM ${id} to snapshot ${snapshotId}? Later changes are lost.`);
      const vm = await vps.restoreSnapshot(id, snapshotId, wait ? { wait } : {});
      if (vm) ctx.out.item(vm);
      else ctx.out.done(`VM ${id}: restore of snapshot ${snapshotId} requested`);
    },
  },
  {
    name: 'snapshot-delete',
    summary: 'Delete a snapshot (asks first)',
    args: [ID, SNAPSHOT_ID],
    flags: { yes: YES },
    example: 'setec-hosting vms snapshot-delete 3164444 6372321 --yes',
    async run(ctx) {
      ctx.assertCanConfirm();
      const vps = await capability(ctx, 'vps');
      const [id, snapshotId] = [ctx.args.id as string, ctx.args['snapshot-id'] as string];
      if (ctx.flags.yes !== true) await ctx.confirm(`Delete snapshot ${snapshotId} of VM ${id}?`);
      await vps.deleteSnapshot(id, snapshotId);
      ctx.out.done(`Snapshot ${snapshotId} of VM ${id} deleted`);
    },
  },
];
