/**
 * DigitalOcean droplets (`/v2/droplets`): list, get, create (resolving the size, region, image and SSH
 * key references first), data centers from `/v2/regions`, and power actions through
 * `/v2/droplets/{id}/actions`.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import type { CallOptions } from '../core/call-options.js';
import { ValidationError } from '../core/errors.js';
import { assertWithinMaxPrice, checkMaxPrice, type PurchaseOptions } from '../core/spending.js';
import type { CreateVirtualMachineRequest, DataCenter, VirtualMachine, VpsCapability } from '../core/vps.js';
import { createVpsCapability } from '../provider-kit/vps-capability.js';
import { assertUserDataFits, mergeUserData, passwordCloudConfig } from '../kit/user-data.js';
import { type DigitalOceanClient, listAll } from './client.js';
import {
  DropletWire,
  ImageWire,
  RegionWire,
  SizeWire,
  dataCenterFromWire,
  imageLabel,
  virtualMachineFromWire,
} from './vps-wire.js';
import {
  createSnapshot,
  deleteDroplet,
  deleteSnapshot,
  dropletAction,
  dropletPath,
  listSnapshots,
  restoreSnapshot,
  USER_DATA_LIMIT,
} from './vps-lifecycle.js';

const PROVIDER = 'digitalocean';
/** DigitalOcean's droplet name rule: letters, digits, dots and dashes, no underscore or space. */
const DROPLET_NAME = /^[a-zA-Z0-9]?[a-z0-9A-Z.-]*[a-z0-9A-Z]$/;
const INTEGER = /^[1-9]\d{0,15}$/;
const MIN_PASSWORD = 12;
/** The power action each method asks for: `shutdown` is graceful, `reboot` too. */
const ACTIONS = { start: 'power_on', stop: 'shutdown', restart: 'reboot' } as const;

const DropletAnswer = z.looseObject({ droplet: DropletWire });

function invalid(fields: Record<string, string[]>): ValidationError {
  return new ValidationError(`Invalid VM request: ${Object.keys(fields).join(', ')}`, { fields, provider: PROVIDER });
}

/** Checks the request's own fields; nothing is read or sent for a bad one. */
function checkRequest(r: CreateVirtualMachineRequest): void {
  const fields: Record<string, string[]> = {};
  const need = (ok: boolean, field: string, message: string) => ok || (fields[field] = [message]);
  need(typeof r?.plan === 'string' && r.plan.trim() !== '', 'plan', 'must be a size slug from billing.getCatalog()');
  need(typeof r?.data_center_id === 'string' && r.data_center_id !== '', 'data_center_id', 'must be a region slug');
  need(typeof r?.template === 'string' && r.template.trim() !== '', 'template', 'must be an image slug or name');
  need(
    typeof r?.password === 'string' && r.password.length >= MIN_PASSWORD,
    'password',
    'must be at least 12 characters',
  );
  need(
    typeof r?.hostname === 'string' && r.hostname.length <= 255 && DROPLET_NAME.test(r.hostname),
    'hostname',
    'must be letters, digits, dots and dashes (no underscore or space), at most 255 characters',
  );
  need(r?.ssh_key_id === undefined || INTEGER.test(String(r.ssh_key_id)), 'ssh_key_id', 'must be an SSH key id');
  if (Object.keys(fields).length > 0) throw invalid(fields);
}

/** An image by id, slug, or distribution name and version (`Ubuntu 22.04`), case-insensitively. */
function findImage(images: readonly ImageWire[], template: string): ImageWire | undefined {
  const wanted = template.trim().toLowerCase();
  return (
    images.find((i) => String(i.id) === wanted || i.slug?.toLowerCase() === wanted) ??
    images.find((i) => imageLabel(i).toLowerCase() === wanted) ??
    images.find((i) => `${i.distribution ?? ''} ${(i.name ?? '').split(' ')[0]}`.toLowerCase() === wanted)
  );
}

/** The DigitalOcean implementation of {@link VpsCapability}. */
export function createVps(client: DigitalOceanClient): VpsCapability {
  const regions = (signal?: AbortSignal) => listAll(client, 'v2/regions', 'regions', RegionWire, { signal });

  // A power action is accepted (201, in progress) or refused; it is never retried but on 429.
  const power = (action: keyof typeof ACTIONS) => (id: string, options?: CallOptions) =>
    dropletAction(client, id, { type: ACTIONS[action] }, options);

  return createVpsCapability({
    provider: PROVIDER,
    async list(options?: CallOptions): Promise<VirtualMachine[]> {
      const droplets = await listAll(client, 'v2/droplets', 'droplets', DropletWire, { signal: options?.signal });
      return droplets.map(virtualMachineFromWire);
    },

    async get(id: string, options?: CallOptions): Promise<VirtualMachine> {
      const path = dropletPath(id);
      const { droplet } = await client.request({ method: 'GET', path, schema: DropletAnswer, signal: options?.signal });
      return virtualMachineFromWire(droplet);
    },

    async create(request: CreateVirtualMachineRequest, options?: PurchaseOptions): Promise<VirtualMachine> {
      checkRequest(request);
      // The password only as a SHA-512 crypt hash: user data is stored by the provider and readable from the
      // droplet's metadata service. The caller's own document follows it (checked before any request).
      const userData = mergeUserData(passwordCloudConfig(request.password), request.user_data, PROVIDER);
      assertUserDataFits(userData, USER_DATA_LIMIT, PROVIDER);
      const maxPrice = checkMaxPrice(options, PROVIDER);
      const signal = options?.signal;
      const [sizes, regionList, images] = await Promise.all([
        listAll(client, 'v2/sizes', 'sizes', SizeWire, { signal }),
        regions(signal),
        listAll(client, 'v2/images', 'images', ImageWire, { signal, searchParams: { type: 'distribution' } }),
      ]);
      const fields: Record<string, string[]> = {};
      const size = sizes.find((s) => s.slug === request.plan.trim() && s.available !== false);
      if (!size) fields.plan = [`"${request.plan}" is not an available size (see billing.getCatalog())`];
      if (!size && maxPrice !== undefined) fields.maxPrice = ['the price could not be found'];
      const region = regionList.find((r) => r.slug === request.data_center_id && r.available !== false);
      if (!region) fields.data_center_id = [`"${request.data_center_id}" is not an available region`];
      else if (size?.regions && !size.regions.includes(region.slug))
        fields.data_center_id = [`size ${size.slug} is not offered in ${region.slug}`];
      const image = findImage(images, request.template);
      if (!image) fields.template = [`"${request.template}" is not a distribution image slug or name`];
      if (Object.keys(fields).length > 0) throw invalid(fields);
      // The spending guard compares a month of the size, what DigitalOcean charges at most for the first month.
      const monthly = size!.price_monthly;
      const price = typeof monthly === 'number' ? { amount: monthly, currency: 'USD' } : undefined;
      assertWithinMaxPrice(maxPrice, price, `a ${size!.slug} droplet`, PROVIDER);
      const body = {
        name: request.hostname,
        size: size!.slug,
        region: region!.slug,
        image: image!.slug ?? image!.id,
        ...(request.ssh_key_id !== undefined ? { ssh_keys: [Number(request.ssh_key_id)] } : {}),
        user_data: userData,
      };
      // Creating a droplet is never retried but on 429: a second POST would create (and bill) a second one.
      const { droplet } = await client.request({
        method: 'POST',
        path: 'v2/droplets',
        json: body,
        schema: DropletAnswer,
        idempotent: false,
        signal,
      });
      return virtualMachineFromWire(droplet);
    },

    async listDataCenters(options?: CallOptions): Promise<DataCenter[]> {
      return (await regions(options?.signal)).filter((r) => r.available !== false).map(dataCenterFromWire);
    },

    power: (id, action, options) => power(action)(id, options),
    userDataLimit: USER_DATA_LIMIT,
    delete: (id, options) => deleteDroplet(client, id, options),
    listSnapshots: (id, options) => listSnapshots(client, id, options),
    createSnapshot: (id, name, options) => createSnapshot(client, id, name, options),
    restoreSnapshot: (id, snapshotId, options) => restoreSnapshot(client, id, snapshotId, options),
    deleteSnapshot: (id, snapshotId, options) => deleteSnapshot(client, id, snapshotId, options),
  });
}
