import type { Progress } from '../core/progress.js';
/** Wire shapes the simulator stores and serves; field names are Hostinger's (snake_case). */

/** One record of an RRset as Hostinger returns it. */
export interface SimRecordWire {
  content: string;
  is_disabled: boolean;
}

/** One RRset (name + type) of a zone. */
export interface SimRRsetWire {
  name: string;
  type: string;
  ttl: number;
  records: SimRecordWire[];
}

/** A domain of the account (portfolio entry plus the extended fields). */
export interface SimDomain {
  id: number;
  domain: string;
  type: 'domain' | 'free_domain' | 'domain_transfer' | 'free_domain_transfer';
  status:
    'active' | 'pending_setup' | 'expired' | 'requested' | 'pending_verification' | 'deleted' | 'suspended' | 'failed';
  is_privacy_protection_allowed: boolean;
  is_privacy_protected: boolean;
  is_lockable: boolean;
  is_locked: boolean;
  name_servers: { ns1: string; ns2: string; ns3?: string; ns4?: string };
  domain_contacts: { owner_id: number; admin_id: number; billing_id: number; tech_id: number };
  created_at: string;
  updated_at: string;
  registered_at: string | null;
  expires_at: string | null;
}

/** An IP address of a VM. */
export interface SimIpAddress {
  id: number;
  address: string;
  ptr: string | null;
}

/** An OS template. */
export interface SimTemplate {
  id: number;
  name: string;
  description: string;
  documentation: string | null;
}

/** A data center. */
export interface SimDataCenter {
  id: number;
  name: string | null;
  location: string | null;
  city: string | null;
  continent: string | null;
}

/** A virtual machine, as `GET /virtual-machines/{id}` returns it. */
export interface SimVirtualMachine {
  id: number;
  firewall_group_id: number | null;
  subscription_id: string | null;
  data_center_id: number | null;
  plan: string | null;
  hostname: string;
  state: string;
  actions_lock: 'unlocked' | 'locked';
  cpus: number;
  memory: number;
  disk: number;
  bandwidth: number;
  ns1: string | null;
  ns2: string | null;
  ipv4: SimIpAddress[] | null;
  ipv6: SimIpAddress[] | null;
  template: SimTemplate | null;
  created_at: string;
}

/** An SSH public key of the account. */
export interface SimPublicKey {
  id: number;
  name: string;
  key: string;
}

/** A billing subscription. */
export interface SimSubscription {
  id: string;
  name: string;
  status: 'active' | 'paused' | 'cancelled' | 'not_renewing' | 'transferred' | 'in_trial' | 'future';
  billing_period: number;
  billing_period_unit: string;
  currency_code: string;
  total_price: number;
  renewal_price: number;
  is_auto_renewed: boolean;
  created_at: string;
  expires_at: string | null;
  next_billing_at: string | null;
}

/** A purchasable price of a catalog item; its `id` is the `item_id` purchases take. */
export interface SimCatalogPrice {
  id: string;
  name: string;
  currency: string;
  price: number;
  first_period_price: number;
  period: number;
  period_unit: 'day' | 'week' | 'month' | 'year' | 'none';
}

/** A catalog item (`category` `DOMAIN`, `VPS` or `EMAIL`). */
export interface SimCatalogItem {
  id: string;
  name: string;
  category: string;
  metadata: Record<string, unknown> | null;
  prices: SimCatalogPrice[];
}

/** A payment method. */
export interface SimPaymentMethod {
  id: number;
  name: string;
  identifier: string;
  payment_method: string;
  is_default: boolean;
  is_expired: boolean;
  is_suspended: boolean;
  created_at: string;
  expires_at: string;
}

/** An order placed by a purchase. */
export interface SimOrder {
  id: number;
  subscription_id: string;
  status:
    | 'completed'
    | 'pending'
    | 'processing'
    | 'failed'
    | 'refunded'
    | 'cancelled'
    | 'awaiting_payment'
    | 'payment_initiated'
    | 'fraud_refund';
  currency: string;
  subtotal: number;
  total: number;
  billing_address: Record<string, string | null>;
  created_at: string;
  updated_at: string;
}

/** The whole simulated account. Mutate it freely in tests; `reset()` rebuilds the ready-made account. */
export interface SimulatorState {
  /** DNS zones by lowercase domain: the RRsets in Hostinger's wire shape (TXT content quoted). */
  zones: Map<string, SimRRsetWire[]>;
  /** The zone each domain returns to on `POST /reset`. */
  defaultZones: Map<string, SimRRsetWire[]>;
  domains: Map<string, SimDomain>;
  /** Domains that `/availability` reports as taken (besides the account's own). */
  takenDomains: Set<string>;
  vms: Map<number, SimVirtualMachine>;
  /** Key ids attached to each VM. */
  vmKeys: Map<number, number[]>;
  /** The snapshot of each VM that has one. */
  vmSnapshots: Map<number, SimVmSnapshot>;
  postInstallScripts: Map<number, SimPostInstallScript>;
  /** Every VPS action, by id. */
  vmActions: Map<number, SimVmAction>;
  /** Actions under way: each read of a VM or of its action moves it one status further. */
  progress: Progress;
  dataCenters: SimDataCenter[];
  templates: SimTemplate[];
  publicKeys: Map<number, SimPublicKey>;
  subscriptions: SimSubscription[];
  catalog: SimCatalogItem[];
  paymentMethods: SimPaymentMethod[];
  orders: SimOrder[];
  /** When true, domain and VPS purchases answer 202 with an `awaiting_payment` order and provision nothing. */
  paymentPending: boolean;
  /** Next id for any new integer-id object (VMs, keys, orders, actions, domains, IPs). */
  nextId: number;
}

/** A VM's snapshot (Hostinger keeps one per machine). */
export interface SimVmSnapshot {
  id: number;
  restore_time: number;
  created_at: string;
  expires_at: string;
}

/** A post-install script of the account. */
export interface SimPostInstallScript {
  id: number;
  name: string;
  content: string;
  created_at: string;
  updated_at: string;
}

/** A VPS action: `sent` while the machine is still getting there, then `success`. */
export interface SimVmAction {
  id: number;
  vm_id: number;
  name: string;
  created_at: string;
}

/** What route modules share: the current state (replaced on reset) and settings. */
export interface SimRuntime {
  state: SimulatorState;
  /** Public keys per page. */
  pageSize: number;
}
