import type { CallOptions } from './call-options.js';
import type { PurchaseOptions } from './spending.js';

/** A virtual machine. */
export interface VirtualMachine {
  id: string;
  name: string;
  status: string;
  plan: string;
  region: string;
  ipv4?: string;
  ipv6?: string;
  os?: string;
  cpus: number;
  memory_mb: number;
  /** Whole GB. */
  disk_gb: number;
  /** Whole GB per month. */
  bandwidth_gb: number;
  /** ISO-8601. */
  created_at: string;
  labels?: Record<string, string>;
}

/** What to create. Ids come from the listings, not the placeholders of the documentation examples. */
export interface CreateVirtualMachineRequest {
  /** A `CatalogItem.id` from `billing.getCatalog()`. */
  plan: string;
  /** A `DataCenter.id`. */
  data_center_id: string;
  /** A template id or its name (`"Ubuntu 22.04"`, case-insensitive). */
  template: string;
  password: string;
  hostname: string;
  /** An `SshKey.id` to install. */
  ssh_key_id?: string;
  payment_method_id?: string;
  /**
   * A cloud-init document (`#cloud-config` or a `#!` script) run once on first boot, beside the SDK's own
   * password set-up (the password is sent only as a SHA-512 crypt hash where it goes through cloud-init).
   * DigitalOcean and Hetzner take it natively; Hostinger through a post-install script the SDK creates.
   * Over the provider's size limit it is a `ValidationError` before any request.
   */
  user_data?: string;
}

/** How long and how often to poll while waiting for a machine. */
export interface VmWaitOptions {
  /**
   * Give up after this long; the error names the last status seen.
   * @default 600_000 (10 minutes)
   */
  timeoutMs?: number;
  /**
   * The first pause between two polls; later pauses grow (×1.5) up to 30 s or this value, whichever is larger.
   * @default 2_000
   */
  intervalMs?: number;
}

/** `true` waits with the defaults of {@link VmWaitOptions}; an object tunes the polling. */
export type VmWait = boolean | VmWaitOptions;

/** Options of `start`, `stop`, `restart` and `restoreSnapshot`. */
export interface VmActionOptions extends CallOptions {
  /** Wait until the machine reports its new status (`running`, or `stopped` after `stop`). */
  wait?: VmWait;
}

/** A `VmActionOptions` that waits: the call resolves with the machine. */
export type VmWaitingOptions = VmActionOptions & { wait: true | VmWaitOptions };

/** Options of `vps.create`. */
export interface CreateVirtualMachineOptions extends PurchaseOptions {
  /** Resolve only once the new machine reports `running`. */
  wait?: VmWait;
}

/** Options of `vps.waitFor`. */
export interface VmWaitForOptions extends CallOptions, VmWaitOptions {}

/** Options of `vps.createSnapshot`. */
export interface CreateVmSnapshotOptions extends CallOptions {
  /** The snapshot's name, where the provider names snapshots (Hostinger does not). @default `<vm name>-<UTC time>` */
  name?: string;
  /** Resolve only once the snapshot is complete (it is then in `listSnapshots`). */
  wait?: VmWait;
}

/** A saved copy of a machine's disk. */
export interface VmSnapshot {
  /** The id `restoreSnapshot` and `deleteSnapshot` take. */
  id: string;
  /** The machine it was taken from. */
  vm_id: string;
  /** Its name; on providers without names, a name the SDK derives from the date. */
  name: string;
  /** ISO-8601. */
  created_at: string;
  /** Size of the saved data, when the provider says. */
  size_gb?: number;
}

/** A region VMs can be created in. */
export interface DataCenter {
  id: string;
  name: string;
  location: string;
  country: string;
}

/**
 * Virtual machines.
 *
 * Power actions and snapshots are asynchronous at every provider: without `wait` a call resolves once the
 * provider has accepted it; with `wait` it polls `get` (with growing pauses) until the machine reports the
 * status the action leads to, and rejects with a `TimeoutError` naming the last status seen after
 * `timeoutMs`. Waiting stops as soon as the caller's `signal` aborts.
 */
export interface VpsCapability {
  list(options?: CallOptions): Promise<VirtualMachine[]>;
  /** @throws {NotFoundError} when there is no such VM. */
  get(id: string, options?: CallOptions): Promise<VirtualMachine>;
  /**
   * Buys and sets up a VM. Never retried on a server error. With `wait`, resolves once it is `running`.
   * @throws {ValidationError} naming `maxPrice` when a limit is given and the plan's price is higher or
   *   unknown (nothing is bought then), and naming `user_data` when it is over the provider's limit.
   * @example
   * ```ts
   * const vm = await provider.vps.create(request, { maxPrice: 20, wait: { timeoutMs: 900_000 } });
   * console.log(vm.ipv4);
   * ```
   */
  create(request: CreateVirtualMachineRequest, options?: CreateVirtualMachineOptions): Promise<VirtualMachine>;
  listDataCenters(options?: CallOptions): Promise<DataCenter[]>;
  /**
   * Asks the provider to power the machine on. Without `wait`, resolves (with nothing) once the provider has
   * accepted the action; with `wait`, resolves with the machine once it reports `running`. Retried only on
   * 429 (like every non-idempotent call).
   * @throws {NotFoundError} when there is no such VM.
   * @throws {TimeoutError} when waiting outlasts `timeoutMs`, naming the last status.
   * @throws {ErrNotSupported} when the provider cannot start machines.
   * @example
   * ```ts
   * await provider.vps.start('3164444');
   * const vm = await provider.vps.start('3164444', { wait: true });
   * ```
   */
  start(id: string, options: VmWaitingOptions): Promise<VirtualMachine>;
  start(id: string, options?: VmActionOptions): Promise<VirtualMachine | void>;
  /**
   * Asks the provider to power the machine off; with `wait`, resolves with it once it reports `stopped`.
   * Retried only on 429.
   * @throws {NotFoundError} when there is no such VM.
   * @throws {ErrNotSupported} when the provider cannot stop machines.
   */
  stop(id: string, options: VmWaitingOptions): Promise<VirtualMachine>;
  stop(id: string, options?: VmActionOptions): Promise<VirtualMachine | void>;
  /**
   * Asks the provider to restart the machine; with `wait`, resolves with it once it reports `running` again.
   * Retried only on 429.
   * @throws {NotFoundError} when there is no such VM.
   * @throws {ErrNotSupported} when the provider cannot restart machines.
   */
  restart(id: string, options: VmWaitingOptions): Promise<VirtualMachine>;
  restart(id: string, options?: VmActionOptions): Promise<VirtualMachine | void>;
  /**
   * Polls `get` until the machine reports `status` (`running`, `stopped`...).
   * @throws {TimeoutError} after `timeoutMs`, naming the last status seen.
   * @throws {NotFoundError} when there is no such VM.
   * @example
   * ```ts
   * const vm = await provider.vps.waitFor('3164444', 'running', { timeoutMs: 300_000 });
   * ```
   */
  waitFor(id: string, status: string, options?: VmWaitForOptions): Promise<VirtualMachine>;
  /**
   * Destroys the machine and its disk (snapshots stay, and may be billed). Never retried but on 429.
   * @throws {NotFoundError} when there is no such VM.
   * @throws {ErrNotSupported} on providers whose machines are subscriptions (Hostinger).
   * @example
   * ```ts
   * await provider.vps.delete('3164444');
   * ```
   */
  delete(id: string, options?: CallOptions): Promise<void>;
  /**
   * The machine's snapshots, oldest first. Hostinger keeps at most one per machine.
   * @throws {NotFoundError} when there is no such VM.
   */
  listSnapshots(id: string, options?: CallOptions): Promise<VmSnapshot[]>;
  /**
   * Takes a snapshot. On Hostinger, which keeps one snapshot per machine, it replaces the one there.
   * Without `wait` it resolves once the provider has accepted it, with the snapshot when the provider already
   * names it (else `undefined`); with `wait`, once the snapshot is complete, with it.
   * @throws {NotFoundError} when there is no such VM (nothing is written).
   * @example
   * ```ts
   * const snap = await provider.vps.createSnapshot('3164444', { name: 'before-upgrade', wait: true });
   * ```
   */
  createSnapshot(id: string, options: CreateVmSnapshotOptions & { wait: true | VmWaitOptions }): Promise<VmSnapshot>;
  createSnapshot(id: string, options?: CreateVmSnapshotOptions): Promise<VmSnapshot | undefined>;
  /**
   * Puts the machine's disk back to the snapshot (what was written since is lost). With `wait`, resolves
   * with the machine once it is `running` again.
   * @throws {NotFoundError} when there is no such VM or snapshot.
   */
  restoreSnapshot(id: string, snapshotId: string, options: VmWaitingOptions): Promise<VirtualMachine>;
  restoreSnapshot(id: string, snapshotId: string, options?: VmActionOptions): Promise<VirtualMachine | void>;
  /**
   * Deletes a snapshot. Never retried but on 429.
   * @throws {NotFoundError} when there is no such VM or snapshot.
   */
  deleteSnapshot(id: string, snapshotId: string, options?: CallOptions): Promise<void>;
}
