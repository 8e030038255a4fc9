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
}
