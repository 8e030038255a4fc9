/**
 * {@link createVpsCapability}: the SDK's VPS rules written once (ids and options checked before anything
 * is sent, `wait` on every asynchronous call, `ErrNotSupported` for what a provider lacks) on top of a
 * provider's plain calls.
 *
 * @module
 */
import type { CallOptions } from '../core/call-options.js';
import { ErrNotSupported, ProviderAPIError, ValidationError } from '../core/errors.js';
import type { CreateVirtualMachineOptions, VirtualMachine, VmWaitOptions, VpsCapability } from '../core/vps.js';
import { poll, type PollOptions, readWait } from './poll.js';
import type { ActionProbe, VmPowerAction, VpsSource } from './vps-source.js';

/** The status each power action leads to. */
const AFTER: Record<VmPowerAction, string> = { start: 'running', stop: 'stopped', restart: 'running' };
/** Statuses from which a machine will not reach the one awaited by itself. */
const FAILED = new Set(['error', 'errored', 'failed']);
const DEFAULT_USER_DATA_LIMIT = 65_536;
const NAME_MAX = 255;

function invalid(provider: string, field: string, message: string): ValidationError {
  return new ValidationError(`Invalid ${field}: ${message}`, { fields: { [field]: [message] }, provider });
}

function checkId(provider: string, id: unknown, field = 'id'): string {
  if ((typeof id !== 'string' && typeof id !== 'number') || String(id).trim() === '') {
    throw invalid(provider, field, 'must be a non-empty id');
  }
  return String(id).trim();
}

/** The time as a name part: `20261207T123000Z`. */
const stamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');

/**
 * Builds a provider's whole `VpsCapability` from a {@link VpsSource}. With `wait`, a call first follows
 * the provider's action (when the source gives a probe), then polls `get` until the machine reports the
 * status the action leads to; `waitFor` does the second part alone. Every wait uses {@link poll}: growing
 * pauses, a `TimeoutError` naming the last status, a stop as soon as the signal aborts.
 *
 * @throws {ValidationError} for an empty id, bad `wait` options, a bad snapshot name, or `user_data` that is
 *   not a string or is over the provider's limit — before the source is called.
 * @throws {ErrNotSupported} from `delete` and the snapshot calls when the source lacks them.
 * @example
 * ```ts
 * import { createVpsCapability } from 'setec-hosting/provider-kit';
 *
 * const vps = createVpsCapability({ provider: 'example', list, get, create, listDataCenters, power });
 * const vm = await vps.start('42', { wait: { timeoutMs: 120_000 } });
 * ```
 */
export function createVpsCapability(source: VpsSource): VpsCapability {
  const { provider } = source;
  const limit = source.userDataLimit ?? DEFAULT_USER_DATA_LIMIT;

  /** Every wait: the caller's timing and signal, errors naming the provider. */
  const until = <T>(
    what: string,
    wait: VmWaitOptions,
    options: CallOptions | undefined,
    check: PollOptions<T>['check'],
  ) => poll<T>({ provider, what, ...wait, signal: options?.signal, check });

  const waitFor = (id: string, status: string, wait: VmWaitOptions, options?: CallOptions) =>
    until<VirtualMachine>(`virtual machine "${id}" to be ${status}`, wait, options, async (o) => {
      const vm = await source.get(id, o);
      if (vm.status === status) return { done: true, value: vm };
      if (FAILED.has(vm.status) && !FAILED.has(status)) {
        throw new ProviderAPIError(`Virtual machine "${id}" is in status "${vm.status}", not ${status}`, { provider });
      }
      return { done: false, seen: `status "${vm.status}"` };
    });

  const follow = (probe: ActionProbe | void, what: string, wait: VmWaitOptions, options?: CallOptions) =>
    probe
      ? until<true>(what, wait, options, async (o) =>
          (await probe(o)) ? { done: true, value: true } : { done: false, seen: 'in progress' },
        )
      : Promise.resolve(true);

  const need = <K extends 'delete' | 'listSnapshots' | 'createSnapshot' | 'restoreSnapshot' | 'deleteSnapshot'>(
    method: K,
  ): NonNullable<VpsSource[K]> => {
    const fn = source[method];
    if (!fn) throw new ErrNotSupported(provider, `vps.${method}`);
    return fn.bind(source) as NonNullable<VpsSource[K]>;
  };

  const power = (action: VmPowerAction) => async (id: string, options?: { wait?: unknown; signal?: AbortSignal }) => {
    const vmId = checkId(provider, id);
    const wait = readWait(options?.wait as CreateVirtualMachineOptions['wait']);
    const probe = await source.power(vmId, action, options);
    if (!wait) return undefined;
    await follow(probe, `the ${action} of virtual machine "${vmId}"`, wait, options);
    return waitFor(vmId, AFTER[action], wait, options);
  };

  const vps = {
    list: (options?: CallOptions) => source.list(options),
    get: (id: string, options?: CallOptions) => source.get(checkId(provider, id), options),
    listDataCenters: (options?: CallOptions) => source.listDataCenters(options),

    async create(request: Parameters<VpsCapability['create']>[0], options?: CreateVirtualMachineOptions) {
      const wait = readWait(options?.wait);
      const userData: unknown = request?.user_data;
      if (userData !== undefined) {
        if (typeof userData !== 'string') throw invalid(provider, 'user_data', 'must be a string');
        const bytes = Buffer.byteLength(userData, 'utf8');
        if (bytes > limit)
          throw invalid(provider, 'user_data', `is ${bytes} bytes; ${provider} takes at most ${limit}`);
      }
      const { wait: _wait, ...purchase } = options ?? {};
      const vm = await source.create(request, purchase);
      if (!wait) return vm;
      if (!vm.id) {
        throw new ProviderAPIError(
          `The machine is not set up yet (status "${vm.status}"), so there is nothing to wait for`,
          {
            provider,
          },
        );
      }
      return waitFor(vm.id, 'running', wait, options);
    },

    start: power('start'),
    stop: power('stop'),
    restart: power('restart'),

    async waitFor(id: string, status: string, options?: CallOptions & VmWaitOptions) {
      const vmId = checkId(provider, id);
      if (typeof status !== 'string' || status.trim() === '') throw invalid(provider, 'status', 'must be a status');
      const { signal, ...timing } = options ?? {};
      const wait = readWait(timing) ?? {};
      return waitFor(vmId, status.trim(), wait, signal ? { signal } : undefined);
    },

    async delete(id: string, options?: CallOptions) {
      const vmId = checkId(provider, id);
      await need('delete')(vmId, options);
    },

    async listSnapshots(id: string, options?: CallOptions) {
      const vmId = checkId(provider, id);
      return need('listSnapshots')(vmId, options);
    },

    async createSnapshot(
      id: string,
      options?: CallOptions & { name?: string; wait?: CreateVirtualMachineOptions['wait'] },
    ) {
      const vmId = checkId(provider, id);
      const wait = readWait(options?.wait);
      const name: unknown = options?.name;
      if (name !== undefined && (typeof name !== 'string' || name.trim() === '' || name.length > NAME_MAX)) {
        throw invalid(provider, 'name', `must be 1 to ${NAME_MAX} characters`);
      }
      const create = need('createSnapshot');
      const list = need('listSnapshots');
      // Reading the machine first: an unknown one is a NotFoundError before anything is written.
      const vm = await source.get(vmId, options);
      const wanted = (name as string | undefined)?.trim() ?? `${vm.name || `vm-${vmId}`}-${stamp(new Date())}`;
      const started = await create(vmId, wanted, options);
      if (!wait) return started.snapshot;
      const what = `the snapshot "${wanted}" of virtual machine "${vmId}"`;
      await follow(started.probe, what, wait, options);
      const pick =
        started.pick ??
        ((all, n) => all.filter((s) => s.name === n).sort((a, b) => (a.created_at < b.created_at ? 1 : -1))[0]);
      return until(what, wait, options, async (o) => {
        const found = pick(await list(vmId, o), wanted);
        return found ? { done: true as const, value: found } : { done: false as const, seen: 'not listed yet' };
      });
    },

    async restoreSnapshot(id: string, snapshotId: string, options?: CallOptions & { wait?: unknown }) {
      const vmId = checkId(provider, id);
      const snapId = checkId(provider, snapshotId, 'snapshotId');
      const wait = readWait(options?.wait as CreateVirtualMachineOptions['wait']);
      const probe = await need('restoreSnapshot')(vmId, snapId, options);
      if (!wait) return undefined;
      await follow(probe, `the restore of virtual machine "${vmId}"`, wait, options);
      return waitFor(vmId, 'running', wait, options);
    },

    async deleteSnapshot(id: string, snapshotId: string, options?: CallOptions) {
      const vmId = checkId(provider, id);
      const snapId = checkId(provider, snapshotId, 'snapshotId');
      await need('deleteSnapshot')(vmId, snapId, options);
    },
  };
  // One implementation serves both overloads of each waiting method (with `wait`, the machine; without, nothing).
  return vps as unknown as VpsCapability;
}
