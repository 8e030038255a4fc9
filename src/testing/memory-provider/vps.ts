import type { CallOptions } from '../../core/call-options.js';
import { NotFoundError, ValidationError } from '../../core/errors.js';
import { assertWithinMaxPrice, checkMaxPrice } from '../../core/spending.js';
import { checkVmRequestFields } from '../../core/validation/index.js';
import type { CreateVirtualMachineRequest, VirtualMachine, VmSnapshot, VpsCapability } from '../../core/vps.js';
import { createVpsCapability } from '../../provider-kit/vps-capability.js';
import { checkSignal, copy, nextId } from './state.js';
import type { MemoryState } from './state.js';

/**
 * Checks a create request against the provider's own listings, collecting every bad field so the
 * caller sees them all at once (as the REST API's 400 does).
 */
function validateCreate(state: MemoryState, request: CreateVirtualMachineRequest, maxPrice: number | undefined) {
  const { hostname, fields } = checkVmRequestFields(request);
  const plan = state.catalog.find((item) => item.id === request.plan && item.category.toUpperCase() === 'VPS');
  if (!plan) fields.plan = ['must be the id of a VPS item of billing.getCatalog()'];
  const dc = state.dataCenters.find((d) => d.id === request.data_center_id);
  if (!dc) fields.data_center_id = ['must be the id of a data center of vps.listDataCenters()'];
  const wanted = String(request.template ?? '').toLowerCase();
  const template = state.templates.find((t) => t.id === request.template || t.name.toLowerCase() === wanted);
  if (!template) fields.template = ['must be a template id or name, e.g. "Ubuntu 22.04"'];
  if (request.ssh_key_id !== undefined && !state.sshKeys.some((k) => k.id === request.ssh_key_id)) {
    fields.ssh_key_id = ['must be the id of an SSH key of sshKeys.list()'];
  }
  try {
    // The spending guard: the plan's catalog price is what a purchase charges. Reported with the other fields.
    const price = plan && { amount: plan.price_cents / 100, currency: plan.currency };
    assertWithinMaxPrice(maxPrice, price, `a ${plan?.name ?? request.plan} VM`, state.provider);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    if (Object.keys(fields).length === 0) throw e; // only the price is wrong: its own message says why
    Object.assign(fields, e.fields);
  }
  if (!plan || !dc || !template || Object.keys(fields).length > 0) {
    throw new ValidationError(`Invalid VM request: ${Object.keys(fields).join(', ')}`, { fields });
  }
  return { plan, dc, template, hostname };
}

/**
 * The VPS group of the memory provider, built on the provider kit. `create` validates the request against
 * the catalog, data centers, templates and keys, then adds a running machine (size from the plan's
 * `KVM <n>` name) and its subscription. Actions take effect at once; snapshots are kept per machine.
 */
export function createMemoryVps(state: MemoryState): VpsCapability {
  const snapshots = new Map<string, VmSnapshot[]>();
  const find = (id: string, options?: CallOptions): VirtualMachine => {
    checkSignal(options);
    const vm = state.vms.find((v) => v.id === String(id));
    if (!vm) throw new NotFoundError(`Virtual machine "${id}" does not exist`, { provider: state.provider });
    return vm;
  };
  const findSnapshot = (id: string, snapshotId: string, options?: CallOptions): VmSnapshot[] => {
    find(id, options);
    const list = snapshots.get(id) ?? [];
    if (!list.some((s) => s.id === snapshotId)) {
      throw new NotFoundError(`Snapshot "${snapshotId}" of virtual machine "${id}" does not exist`, {
        provider: state.provider,
      });
    }
    return list;
  };
  const AFTER = { start: 'running', stop: 'stopped', restart: 'running' } as const;

  return createVpsCapability({
    provider: state.provider,
    async list(options) {
      checkSignal(options);
      return copy(state.vms);
    },

    async get(id, options) {
      return copy(find(id, options));
    },

    async create(request, options) {
      checkSignal(options);
      const maxPrice = checkMaxPrice(options, state.provider);
      const { plan, dc, template, hostname } = validateCreate(state, request, maxPrice);
      const size = Number(/(\d+)/.exec(plan.name)?.[1] ?? 1);
      const id = nextId(state);
      const now = state.now().toISOString();
      const n = state.vms.length + 1;
      const vm: VirtualMachine = {
        id,
        name: hostname,
        status: 'running',
        plan: plan.id,
        region: dc.id,
        ipv4: `203.0.113.${(n % 254) + 1}`,
        ipv6: `2001:db8:1::${n.toString(16)}`,
        os: template.name,
        cpus: size,
        memory_mb: 4096 * size,
        disk_gb: 50 * size,
        bandwidth_gb: 4000 * size,
        created_at: now,
      };
      state.vms.push(vm);
      state.subscriptions.push({
        id: `sub-${nextId(state)}`,
        name: plan.name,
        status: 'active',
        plan: plan.id,
        price: plan.price_cents / 100,
        currency: plan.currency,
        renews_at: '',
        created_at: now,
        period: plan.period,
      });
      return copy(vm);
    },

    async listDataCenters(options) {
      checkSignal(options);
      return copy(state.dataCenters);
    },

    async power(id, action, options) {
      find(id, options).status = AFTER[action];
    },

    async delete(id, options) {
      const vm = find(id, options);
      state.vms.splice(state.vms.indexOf(vm), 1);
    },

    async listSnapshots(id, options) {
      find(id, options);
      return copy(snapshots.get(id) ?? []);
    },

    async createSnapshot(id, name, options) {
      const vm = find(id, options);
      const snapshot: VmSnapshot = {
        id: `snap-${nextId(state)}`,
        vm_id: id,
        name,
        created_at: state.now().toISOString(),
        size_gb: vm.disk_gb,
      };
      snapshots.set(id, [...(snapshots.get(id) ?? []), snapshot]);
      return { snapshot: copy(snapshot) };
    },

    async restoreSnapshot(id, snapshotId, options) {
      findSnapshot(id, snapshotId, options);
      find(id).status = 'running';
    },

    async deleteSnapshot(id, snapshotId, options) {
      const list = findSnapshot(id, snapshotId, options);
      snapshots.set(
        id,
        list.filter((s) => s.id !== snapshotId),
      );
    },
  });
}
