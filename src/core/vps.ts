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
}

/** A region VMs can be created in. */
export interface DataCenter {
  id: string;
  name: string;
  location: string;
  country: string;
}

/** Virtual machines. */
export interface VpsCapability {
  list(options?: CallOptions): Promise<VirtualMachine[]>;
  /** @throws {NotFoundError} when there is no such VM. */
  get(id: string, options?: CallOptions): Promise<VirtualMachine>;
  /**
   * Buys and sets up a VM. Never retried on a server error.
   * @throws {ValidationError} naming `maxPrice` when a limit is given and the plan's price is higher or
   *   unknown (nothing is bought then).
   */
  create(request: CreateVirtualMachineRequest, options?: PurchaseOptions): Promise<VirtualMachine>;
  listDataCenters(options?: CallOptions): Promise<DataCenter[]>;
  /**
   * Asks the provider to power the machine on. Resolves once the provider has accepted the action; it does
   * not wait for the machine to finish booting. Retried only on 429 (like every non-idempotent call).
   * @throws {NotFoundError} when there is no such VM.
   * @throws {ErrNotSupported} when the provider cannot start machines.
   * @example await provider.vps.start('3164444');
   */
  start(id: string, options?: CallOptions): Promise<void>;
  /**
   * Asks the provider to power the machine off; resolves once the action is accepted. Retried only on 429.
   * @throws {NotFoundError} when there is no such VM.
   * @throws {ErrNotSupported} when the provider cannot stop machines.
   */
  stop(id: string, options?: CallOptions): Promise<void>;
  /**
   * Asks the provider to restart the machine; resolves once the action is accepted. Retried only on 429.
   * @throws {NotFoundError} when there is no such VM.
   * @throws {ErrNotSupported} when the provider cannot restart machines.
   */
  restart(id: string, options?: CallOptions): Promise<void>;
}
