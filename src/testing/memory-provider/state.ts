import type { CatalogItem, Subscription } from '../../core/billing.js';
import type { CallOptions } from '../../core/call-options.js';
import type { DnsRecordInput } from '../../core/dns.js';
import type { Domain } from '../../core/domains.js';
import type { SshKey } from '../../core/ssh-keys.js';
import type { DataCenter, VirtualMachine } from '../../core/vps.js';
import type { NormalizedDnsRecord } from '../../core/validation/index.js';
import type { MemoryTemplate } from './seed.js';

/** Everything one memory provider holds; the capability groups share it. */
export interface MemoryState {
  readonly provider: string;
  readonly displayName: string;
  /** Zone name (normalized A-label) → records, in insertion order. */
  zones: Map<string, NormalizedDnsRecord[]>;
  defaultRecords: (domain: string) => DnsRecordInput[];
  domains: Map<string, Domain>;
  takenDomains: Set<string>;
  vms: VirtualMachine[];
  dataCenters: DataCenter[];
  templates: MemoryTemplate[];
  sshKeys: SshKey[];
  subscriptions: Subscription[];
  catalog: CatalogItem[];
  now: () => Date;
  /** Next numeric id for VMs, keys and subscriptions. */
  nextId: number;
}

/** Rejects with the signal's reason when the caller already aborted (every method starts here). */
export function checkSignal(options: CallOptions | undefined): void {
  options?.signal?.throwIfAborted();
}

/** A deep copy, so callers can never mutate the provider's state through a returned object. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

/** A fresh id, unique within this provider. */
export function nextId(state: MemoryState): string {
  return String(state.nextId++);
}
