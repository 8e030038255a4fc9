/**
 * What a provider supplies to {@link createVpsCapability}: its plain calls, each resolving once the
 * provider has accepted the request. Waiting, validation of ids and options, and `ErrNotSupported` for
 * what it lacks come from the kit.
 *
 * @module
 */
import type { CallOptions } from '../core/call-options.js';
import type { PurchaseOptions } from '../core/spending.js';
import type { CreateVirtualMachineRequest, DataCenter, VirtualMachine, VmSnapshot } from '../core/vps.js';

/**
 * One poll of an asynchronous provider action: `true` once it has succeeded, `false` while it runs.
 * Throws (a `ProviderAPIError` naming the action) when the provider reports that it failed.
 */
export type ActionProbe = (options: CallOptions) => Promise<boolean>;

/** A power action. */
export type VmPowerAction = 'start' | 'stop' | 'restart';

/** What {@link VpsSource.createSnapshot} answers: how to follow the snapshot until it is complete. */
export interface VmSnapshotStarted {
  /** The snapshot, when the provider's answer already names it. */
  snapshot?: VmSnapshot;
  /** Polls the provider's action; without it the kit polls `listSnapshots` until `pick` finds the snapshot. */
  probe?: ActionProbe;
  /**
   * Finds the new snapshot in `listSnapshots` once the action is done.
   * @default the newest snapshot with the requested name
   */
  pick?(snapshots: VmSnapshot[], name: string): VmSnapshot | undefined;
}

/**
 * A provider's machines as the kit sees them. Every method may assume its ids are non-empty strings
 * and its request was validated by the kit (user data within {@link VpsSource.userDataLimit}).
 *
 * @example
 * ```ts
 * const source: VpsSource = {
 *   provider: 'example',
 *   list: async (o) => (await api.get('servers', o)).map(fromWire),
 *   get: async (id, o) => fromWire(await api.get(`servers/${id}`, o)),
 *   create: async (request, o) => fromWire(await api.post('servers', toWire(request), o)),
 *   listDataCenters: async () => [],
 *   power: async (id, action, o) => {
 *     const { action: a } = await api.post(`servers/${id}/actions/${action}`, {}, o);
 *     return async (p) => (await api.get(`actions/${a.id}`, p)).status === 'success';
 *   },
 * };
 * ```
 */
export interface VpsSource {
  /** The registry name of the provider: the `provider` of every error the kit throws. */
  provider: string;
  list(options?: CallOptions): Promise<VirtualMachine[]>;
  /** A machine that does not exist is a `NotFoundError`. */
  get(id: string, options?: CallOptions): Promise<VirtualMachine>;
  /** Buys and sets up a machine; resolves once accepted (the kit waits when asked). */
  create(request: CreateVirtualMachineRequest, options?: PurchaseOptions): Promise<VirtualMachine>;
  listDataCenters(options?: CallOptions): Promise<DataCenter[]>;
  /** Sends a power action; may answer a probe that follows the action, which `wait` polls first. */
  power(id: string, action: VmPowerAction, options?: CallOptions): Promise<ActionProbe | void>;
  /** Destroys the machine. Absent: `vps.delete` throws `ErrNotSupported`. */
  delete?(id: string, options?: CallOptions): Promise<void>;
  /** Absent (as every snapshot method): the snapshot calls throw `ErrNotSupported`. */
  listSnapshots?(id: string, options?: CallOptions): Promise<VmSnapshot[]>;
  /** Starts a snapshot named `name` (a name the kit made when the caller gave none). */
  createSnapshot?(id: string, name: string, options?: CallOptions): Promise<VmSnapshotStarted>;
  restoreSnapshot?(id: string, snapshotId: string, options?: CallOptions): Promise<ActionProbe | void>;
  deleteSnapshot?(id: string, snapshotId: string, options?: CallOptions): Promise<void>;
  /**
   * The most bytes (UTF-8) of `user_data` the provider takes; more is a `ValidationError` before any request.
   * @default 65_536
   */
  userDataLimit?: number;
}
