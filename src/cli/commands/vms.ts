/**
 * `setec-hosting vms ...`: virtual machines and the data centers they run in.
 * @module
 */
import type { CreateVirtualMachineRequest } from '../../core/vps.js';
import { UsageError } from '../errors.js';
import type { CommandContext, CommandSpec, GroupSpec } from '../spec.js';
import { MAX_PRICE } from './domains.js';
import { capability, DATA_CENTER_COLUMNS, money, numberFlag, VM_COLUMNS } from './shared.js';
import { lifecycleCommands, WAIT_FLAGS, waitFromFlags } from './vms-lifecycle.js';

const ID = { name: 'id', description: 'The VM id (from vms list)' };

function requiredFlag(ctx: CommandContext, name: string): string {
  const value = ctx.flags[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`missing flag --${name}`, 'vms create');
  return value;
}

async function password(ctx: CommandContext): Promise<string> {
  const value =
    ctx.flags['password-stdin'] === true
      ? (await ctx.readStdin()).replace(/\r?\n$/, '')
      : ctx.env.SETEC_HOSTING_VM_PASSWORD;
  if (!value)
    throw new UsageError('no root password: set $SETEC_HOSTING_VM_PASSWORD or pass --password-stdin', 'vms create');
  return value;
}

/** `vms start|stop|restart <id>`: returns once the provider has accepted the action, or with `--wait` once done. */
function power(action: 'start' | 'stop' | 'restart', summary: string, done: string): CommandSpec {
  return {
    name: action,
    summary,
    args: [ID],
    flags: WAIT_FLAGS,
    example: `setec-hosting vms ${action} 1268054 --wait`,
    notes: 'Without --wait, returns once the provider has accepted the action; with it, once the machine got there.',
    async run(ctx) {
      const wait = await waitFromFlags(ctx);
      const vm = await (await capability(ctx, 'vps'))[action](ctx.args.id as string, wait ? { wait } : {});
      if (vm) ctx.out.item(vm);
      else ctx.out.done(`VM ${ctx.args.id}: ${done}`);
    },
  };
}

/** The `--user-data-file` contents, read before anything is sent. */
async function userDataFile(ctx: CommandContext): Promise<string | undefined> {
  const file = ctx.flags['user-data-file'];
  if (typeof file !== 'string') return undefined;
  if (file === '-' && ctx.flags['password-stdin'] === true)
    throw new UsageError('--user-data-file - and --password-stdin cannot both read stdin', 'vms create');
  if (file === '-') return ctx.readStdin();
  try {
    return await (await import('node:fs/promises')).readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read --user-data-file ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
      'vms create',
    );
  }
}

/** `setec-hosting vms`. */
export const vms: GroupSpec = {
  name: 'vms',
  summary: 'Virtual machines: list, show, create, start, stop, restart, wait, delete, snapshots, data centers',
  commands: [
    {
      name: 'list',
      summary: 'List the virtual machines of the account',
      args: [],
      example: 'setec-hosting vms list',
      async run(ctx) {
        ctx.out.list(await (await capability(ctx, 'vps')).list(), VM_COLUMNS);
      },
    },
    {
      name: 'get',
      summary: 'Show one virtual machine',
      args: [ID],
      example: 'setec-hosting vms get 1001',
      async run(ctx) {
        ctx.out.item(await (await capability(ctx, 'vps')).get(ctx.args.id as string));
      },
    },
    {
      name: 'create',
      summary: 'Order a new virtual machine (shows the price and asks first)',
      args: [],
      flags: {
        plan: { type: 'string', value: 'id', description: 'Plan: a catalog item id (billing catalog)' },
        'data-center-id': { type: 'string', value: 'id', description: 'Data center id (vms datacenters)' },
        template: { type: 'string', value: 'id|name', description: 'OS template id or name, e.g. "Ubuntu 22.04"' },
        hostname: { type: 'string', value: 'name', description: 'Host name of the machine' },
        'ssh-key-id': { type: 'string', value: 'id', description: 'SSH key to install (ssh-keys list)' },
        'payment-method-id': {
          type: 'string',
          value: 'id',
          description: 'Payment method (default: the account default)',
        },
        'max-price': MAX_PRICE,
        'password-stdin': {
          type: 'boolean',
          description: 'Read the root password from stdin instead of $SETEC_HOSTING_VM_PASSWORD',
        },
        'user-data-file': {
          type: 'string',
          value: 'path',
          description: 'cloud-init user data (#cloud-config or a #! script) to run on first boot; - for stdin',
        },
        yes: { type: 'boolean', description: 'Do not ask for confirmation (required when not on a terminal)' },
        ...WAIT_FLAGS,
      },
      example:
        'SETEC_HOSTING_VM_PASSWORD=... setec-hosting vms create --plan hostingercom-vps-kvm2-usd-1m --data-center-id 9 --template "Ubuntu 22.04" --hostname web1.example.com',
      notes: 'The root password is never taken from a flag. On a terminal the prompt shows the plan price.',
      async run(ctx) {
        const request: CreateVirtualMachineRequest = {
          plan: requiredFlag(ctx, 'plan'),
          data_center_id: requiredFlag(ctx, 'data-center-id'),
          template: requiredFlag(ctx, 'template'),
          hostname: requiredFlag(ctx, 'hostname'),
          password: '',
        };
        for (const [flag, field] of [
          ['ssh-key-id', 'ssh_key_id'],
          ['payment-method-id', 'payment_method_id'],
        ] as const) {
          if (typeof ctx.flags[flag] === 'string') request[field] = ctx.flags[flag] as string;
        }
        const maxPrice = await numberFlag(ctx, 'max-price', false);
        const wait = await waitFromFlags(ctx);
        ctx.assertCanConfirm();
        const userData = await userDataFile(ctx);
        if (userData !== undefined) request.user_data = userData;
        request.password = await password(ctx);
        ctx.hideSecret(request.password);
        const provider = await ctx.provider();
        const { requireCapability } = await import('../../core/provider.js');
        const vps = requireCapability(provider, 'vps');
        if (ctx.flags.yes !== true) {
          const item = provider.billing
            ? (await provider.billing.getCatalog()).find((c) => c.id === request.plan)
            : undefined;
          const price = item ? `${money(item.price_cents / 100, item.currency)} ${item.period}` : 'an unknown price';
          await ctx.confirm(`Create ${request.hostname} on plan ${request.plan} at ${price}?`);
        }
        const options = { ...(maxPrice === undefined ? {} : { maxPrice }), ...(wait ? { wait } : {}) };
        ctx.out.item(await vps.create(request, options));
      },
    },
    power('start', 'Start a stopped virtual machine', 'start requested'),
    power('stop', 'Stop a running virtual machine', 'stop requested'),
    power('restart', 'Restart a virtual machine', 'restart requested'),
    ...lifecycleCommands,
    {
      name: 'datacenters',
      summary: 'List the data centers a VM can be created in',
      args: [],
      example: 'setec-hosting vms datacenters',
      async run(ctx) {
        ctx.out.list(await (await capability(ctx, 'vps')).listDataCenters(), DATA_CENTER_COLUMNS);
      },
    },
  ],
};
