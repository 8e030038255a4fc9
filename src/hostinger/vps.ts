/**
 * Hostinger VPS (`/api/vps/v1`): virtual machines, data centers, and VM purchase, which resolves
 * the SDK's plan / template / data center / SSH key references into Hostinger's ids first.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import type { CallOptions } from '../core/call-options.js';
import { ValidationError } from '../core/errors.js';
import { assertWithinMaxPrice, checkMaxPrice, type PurchaseOptions } from '../core/spending.js';
import { checkVmRequestFields } from '../core/validation/index.js';
import type { CreateVirtualMachineRequest, DataCenter, VirtualMachine, VpsCapability } from '../core/vps.js';
import { createVpsCapability } from '../provider-kit/vps-capability.js';
import { fetchCatalog, firstPeriodPrice } from './billing.js';
import type { HostingerClient } from './client.js';
import { apiPath, idPath } from './paths.js';
import { listPublicKeys } from './ssh-keys.js';
import {
  createPostInstallScript,
  createSnapshot,
  deleteSnapshot,
  listSnapshots,
  POST_INSTALL_LIMIT,
  postInstallScript,
  restoreSnapshot,
  sendAction,
} from './vps-lifecycle.js';
import { listWire, maybeNumber, maybeString } from '../kit/wire.js';

const IpWire = z.looseObject({ id: maybeNumber, address: z.string(), ptr: maybeString });
/** A virtual machine as Hostinger returns it (sizes in MB). */
export const VirtualMachineWire = z.looseObject({
  id: z.number(),
  data_center_id: maybeNumber,
  plan: maybeString,
  hostname: maybeString,
  state: maybeString,
  cpus: maybeNumber,
  memory: maybeNumber,
  disk: maybeNumber,
  bandwidth: maybeNumber,
  ipv4: z.optional(z.nullable(z.array(IpWire))),
  ipv6: z.optional(z.nullable(z.array(IpWire))),
  template: z.optional(z.nullable(z.looseObject({ id: maybeNumber, name: maybeString }))),
  created_at: maybeString,
});
export type VirtualMachineWire = z.infer<typeof VirtualMachineWire>;
/** A data center: `location` is a country code, `city` the place. */
export const DataCenterWire = z.looseObject({
  id: z.number(),
  name: maybeString,
  location: maybeString,
  city: maybeString,
  continent: maybeString,
});
export type DataCenterWire = z.infer<typeof DataCenterWire>;
/** An OS template. */
export const TemplateWire = z.looseObject({ id: z.number(), name: z.string(), description: maybeString });
/** `POST /virtual-machines` answer (its `order` is not read); a 202 (payment pending) may carry no machine. */
export const PurchaseWire = z.optional(
  z.nullable(z.looseObject({ virtual_machine: z.optional(z.nullable(VirtualMachineWire)) })),
);

const VPS = 'api/vps/v1';
const MB_PER_GB = 1024;
const INTEGER = /^[1-9]\d{0,15}$/;

export function dataCenterFromWire(dc: DataCenterWire): DataCenter {
  return {
    id: String(dc.id),
    name: dc.name ?? dc.city ?? String(dc.id),
    location: dc.city ?? '',
    country: (dc.location ?? '').toUpperCase(),
  };
}

export function virtualMachineFromWire(vm: VirtualMachineWire, centers: readonly DataCenterWire[]): VirtualMachine {
  const dc = centers.find((c) => c.id === vm.data_center_id);
  const out: VirtualMachine = {
    id: String(vm.id),
    name: vm.hostname ?? '',
    status: vm.state ?? '',
    plan: vm.plan ?? '',
    region: dc ? dataCenterFromWire(dc).name : vm.data_center_id != null ? String(vm.data_center_id) : '',
    cpus: vm.cpus ?? 0,
    memory_mb: vm.memory ?? 0,
    disk_gb: Math.round((vm.disk ?? 0) / MB_PER_GB),
    bandwidth_gb: Math.round((vm.bandwidth ?? 0) / MB_PER_GB),
    created_at: vm.created_at ?? '',
  };
  const ipv4 = vm.ipv4?.[0]?.address;
  const ipv6 = vm.ipv6?.[0]?.address;
  if (ipv4) out.ipv4 = ipv4;
  if (ipv6) out.ipv6 = ipv6;
  if (vm.template?.name) out.os = vm.template.name;
  return out;
}

function invalid(field: string, message: string): ValidationError {
  return new ValidationError(`Invalid VM request: ${field} ${message}`, {
    fields: { [field]: [message] },
    provider: 'hostinger',
  });
}

/** Checks the request locally; nothing is sent for a bad one. */
function checkRequest(r: CreateVirtualMachineRequest): string {
  const fields: Record<string, string[]> = {};
  const need = (ok: boolean, field: string, message: string) => ok || (fields[field] = [message]);
  need(typeof r?.plan === 'string' && r.plan.trim() !== '', 'plan', 'must be a catalog price id or a plan name');
  need(INTEGER.test(String(r?.data_center_id)), 'data_center_id', 'must be a data center id from listDataCenters()');
  need(typeof r?.template === 'string' && r.template.trim() !== '', 'template', 'must be a template id or name');
  need(r?.ssh_key_id === undefined || INTEGER.test(String(r.ssh_key_id)), 'ssh_key_id', 'must be an SSH key id');
  need(
    r?.payment_method_id === undefined || INTEGER.test(String(r.payment_method_id)),
    'payment_method_id',
    'must be a payment method id',
  );
  const shared = checkVmRequestFields(r);
  Object.assign(fields, shared.fields);
  if (Object.keys(fields).length > 0)
    throw new ValidationError('Invalid VM request', { fields, provider: 'hostinger' });
  return shared.hostname;
}

/** The Hostinger implementation of {@link VpsCapability}. */
export function createVps(client: HostingerClient): VpsCapability {
  const centers = async (signal?: AbortSignal) =>
    (
      await client.request({
        method: 'GET',
        path: apiPath(`${VPS}/data-centers`),
        schema: listWire(DataCenterWire),
        signal,
      })
    ).data;

  /**
   * A price id as given, or the monthly (else first) price of the item named `plan`, with what it
   * charges today (the first period's price). With a `maxPrice`, a plan not in the catalog names it too.
   */
  const resolvePlan = async (plan: string, maxPrice: number | undefined, signal?: AbortSignal) => {
    const items = await fetchCatalog(client, 'VPS', signal);
    const wanted = plan.trim().toLowerCase();
    const all = items.flatMap((i) => i.prices ?? []);
    const item = items.find((i) => i.id.toLowerCase() === wanted || (i.name ?? '').toLowerCase() === wanted);
    const prices = item?.prices ?? [];
    const price =
      all.find((p) => p.id.toLowerCase() === wanted) ??
      prices.find((p) => p.period === 1 && p.period_unit === 'month') ??
      prices[0];
    if (!price) {
      const message = `"${plan}" is not a VPS price id or plan in the catalog (see billing.getCatalog())`;
      const fields: Record<string, string[]> = { plan: [message] };
      if (maxPrice !== undefined) fields.maxPrice = ['the price could not be found'];
      throw new ValidationError(`Invalid VM request: plan ${message}`, { fields, provider: 'hostinger' });
    }
    return { itemId: wanted === price.id.toLowerCase() ? plan.trim() : price.id, today: firstPeriodPrice(price) };
  };

  const resolveTemplate = async (template: string, signal?: AbortSignal): Promise<number> => {
    const { data: items } = await client.request({
      method: 'GET',
      path: apiPath(`${VPS}/templates`),
      schema: listWire(TemplateWire),
      signal,
    });
    const wanted = template.trim().toLowerCase();
    const found = items.find((t) => String(t.id) === wanted) ?? items.find((t) => t.name.toLowerCase() === wanted);
    if (!found) throw invalid('template', `"${template}" is not a template id or name`);
    return found.id;
  };

  // Power actions answer an Action, followed when the caller waits. Not retried on 5xx (non-idempotent calls).
  const power = (action: 'start' | 'stop' | 'restart') => (id: string, options?: CallOptions) =>
    sendAction(client, id, 'POST', idPath(`${VPS}/virtual-machines`, id, 'id', action), options);

  return createVpsCapability({
    provider: 'hostinger',
    power: (id, action, options) => power(action)(id, options),
    // Machines are subscriptions, cancelled in hPanel: no `delete` (the kit answers ErrNotSupported).
    userDataLimit: POST_INSTALL_LIMIT,
    listSnapshots: (id, options) => listSnapshots(client, id, options),
    // One snapshot per machine: Hostinger has no names, and a new snapshot replaces the old one.
    createSnapshot: (id, _name, options) => createSnapshot(client, id, options),
    restoreSnapshot: (id, snapshotId, options) => restoreSnapshot(client, id, snapshotId, options),
    deleteSnapshot: (id, snapshotId, options) => deleteSnapshot(client, id, snapshotId, options),

    async list(options?: CallOptions): Promise<VirtualMachine[]> {
      const [vms, dcs] = await Promise.all([
        client.request({
          method: 'GET',
          path: apiPath(`${VPS}/virtual-machines`),
          schema: listWire(VirtualMachineWire),
          signal: options?.signal,
        }),
        centers(options?.signal),
      ]);
      return vms.data.map((vm) => virtualMachineFromWire(vm, dcs));
    },

    async get(id: string, options?: CallOptions): Promise<VirtualMachine> {
      const path = idPath(`${VPS}/virtual-machines`, id);
      const [vm, dcs] = await Promise.all([
        client.request({ method: 'GET', path, schema: VirtualMachineWire, signal: options?.signal }),
        centers(options?.signal),
      ]);
      return virtualMachineFromWire(vm, dcs);
    },

    async create(request: CreateVirtualMachineRequest, options?: PurchaseOptions): Promise<VirtualMachine> {
      const hostname = checkRequest(request);
      // Checked (type and Hostinger's 48 KB) before any request.
      const script = request.user_data ? postInstallScript(request.user_data) : undefined;
      const maxPrice = checkMaxPrice(options, 'hostinger');
      const signal = options?.signal;
      const dcs = await centers(signal);
      const dataCenterId = Number(request.data_center_id);
      if (!dcs.some((dc) => dc.id === dataCenterId))
        throw invalid('data_center_id', `${dataCenterId} is not a Hostinger data center`);
      const { itemId, today } = await resolvePlan(request.plan, maxPrice, signal);
      // The charge today is the first period's price (renewals may cost more).
      assertWithinMaxPrice(maxPrice, today, `a ${request.plan} VM`, 'hostinger');
      const templateId = await resolveTemplate(request.template, signal);
      let publicKey: { name: string; key: string } | undefined;
      if (request.ssh_key_id !== undefined) {
        const key = (await listPublicKeys(client, signal)).find((k) => String(k.id) === String(request.ssh_key_id));
        if (!key) throw invalid('ssh_key_id', `${request.ssh_key_id} is not an SSH key of this account`);
        publicKey = { name: key.name ?? `key-${key.id}`, key: key.key };
      }
      // User data runs as a post-install script, created just before the purchase (it stays in the account).
      const scriptId = script ? await createPostInstallScript(client, hostname, script, signal) : undefined;
      const setup = {
        template_id: templateId,
        ...(scriptId !== undefined ? { post_install_script_id: scriptId } : {}),
        data_center_id: dataCenterId,
        password: request.password,
        hostname,
        ...(publicKey ? { public_key: publicKey } : {}),
      };
      const body = {
        item_id: itemId,
        setup,
        ...(request.payment_method_id !== undefined ? { payment_method_id: Number(request.payment_method_id) } : {}),
      };
      // Buying a VM is never retried on a server error or network failure (it could buy two).
      const { status, data } = await client.send({
        method: 'POST',
        path: apiPath(`${VPS}/virtual-machines`),
        json: body,
        schema: PurchaseWire,
        idempotent: false,
        signal,
      });
      const vm = data?.virtual_machine;
      if (vm && status !== 202) return virtualMachineFromWire(vm, dcs);
      // 202: payment is still processing, the machine is not set up yet.
      const pending = { id: 0, hostname, state: 'pending', plan: itemId, data_center_id: dataCenterId };
      return { ...virtualMachineFromWire(pending, dcs), id: vm ? String(vm.id) : '' };
    },

    async listDataCenters(options?: CallOptions): Promise<DataCenter[]> {
      return (await centers(options?.signal)).map(dataCenterFromWire);
    },
  });
}
