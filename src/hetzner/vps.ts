/**
 * Hetzner servers (`/servers`): list, get, create (server type, location, image for the type's
 * architecture and SSH key resolved first; the root password only as a SHA-512 crypt hash in cloud-init
 * user data), data centers from `/locations`, and power actions (`poweron`, `shutdown`, `reboot`), each
 * resolving once its action has succeeded.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import type { CallOptions } from '../core/call-options.js';
import { ProviderAPIError, ValidationError } from '../core/errors.js';
import { assertWithinMaxPrice, checkMaxPrice, type PurchaseOptions } from '../core/spending.js';
import type { CreateVirtualMachineRequest, DataCenter, VirtualMachine, VpsCapability } from '../core/vps.js';
import { assertUserDataFits, createVpsCapability, mergeUserData, passwordCloudConfig } from '../provider-kit/index.js';
import { ActionAnswer, ActionWire, waitForActions } from './actions.js';
import {
  dataCenterFromWire,
  LocationWire,
  monthlyCents,
  offeredIn,
  PricingAnswer,
  ServerTypeWire,
} from './catalog-wire.js';
import type { HetznerClient } from './client.js';
import { numericIdPath } from './kit.js';
import { snapshotCalls } from './vps-snapshots.js';
import { findImage, ImageWire, ServerWire, virtualMachineFromWire } from './vps-wire.js';

const PROVIDER = 'hetzner';
/** RFC 1123 host name, Hetzner's server name rule. */
const HOSTNAME = /^(?=.{1,63}$)[a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?$/;
const INTEGER = /^[1-9]\d{0,15}$/;
const MIN_PASSWORD = 12;
const POWER = { start: 'poweron', stop: 'shutdown', restart: 'reboot' } as const;
/** Hetzner's limit on `user_data`. */
const USER_DATA_LIMIT = 32 * 1024;

const ServerAnswer = z.looseObject({ server: ServerWire });
const CreateAnswer = z.looseObject({
  server: ServerWire,
  action: ActionWire,
  next_actions: z.optional(z.nullable(z.array(ActionWire))),
});
const KeyAnswer = z.looseObject({ ssh_key: z.looseObject({ id: z.number(), name: z.string() }) });

function invalid(fields: Record<string, string[]>): ValidationError {
  return new ValidationError(`Invalid VM request: ${Object.keys(fields).join(', ')}`, { fields, provider: PROVIDER });
}

/** The plan's server type and location: `cpx22` with `data_center_id`, or a catalog id `cpx22@fsn1`. */
function planParts(r: CreateVirtualMachineRequest): { type: string; location: string } {
  const [type = '', at] = r.plan.trim().toLowerCase().split('@');
  const location = r.data_center_id.trim().toLowerCase();
  if (at !== undefined && at !== location)
    throw invalid({ data_center_id: [`must be ${at}, the location of the plan ${r.plan}`] });
  return { type, location };
}

/** Checks the request's own fields; nothing is read or sent for a bad one. */
function checkRequest(r: CreateVirtualMachineRequest): void {
  const fields: Record<string, string[]> = {};
  const need = (ok: boolean, field: string, message: string) => ok || (fields[field] = [message]);
  need(typeof r?.plan === 'string' && r.plan.trim() !== '', 'plan', 'must be a server type (see billing.getCatalog())');
  need(
    typeof r?.data_center_id === 'string' && r.data_center_id.trim() !== '',
    'data_center_id',
    'must be a location name',
  );
  need(typeof r?.template === 'string' && r.template.trim() !== '', 'template', 'must be an image name');
  need(
    typeof r?.password === 'string' && r.password.length >= MIN_PASSWORD,
    'password',
    'must be at least 12 characters',
  );
  need(
    typeof r?.hostname === 'string' && HOSTNAME.test(r.hostname),
    'hostname',
    'must be letters, digits, dots and dashes (RFC 1123), at most 63 characters',
  );
  need(r?.ssh_key_id === undefined || INTEGER.test(String(r.ssh_key_id)), 'ssh_key_id', 'must be an SSH key id');
  if (Object.keys(fields).length > 0) throw invalid(fields);
}

/** The Hetzner implementation of {@link VpsCapability}. */
export function createVps(client: HetznerClient): VpsCapability {
  const serverPath = (id: string, ...rest: string[]) => numericIdPath(PROVIDER, 'servers', id, 'id', ...rest);
  const get = async (id: string, signal?: AbortSignal) =>
    virtualMachineFromWire(
      (await client.request({ method: 'GET', path: serverPath(id), schema: ServerAnswer, signal })).server,
    );

  // A power action is never sent twice but on 429; it resolves once Hetzner reports it done.
  const power = async (id: string, what: keyof typeof POWER, options?: CallOptions) => {
    const signal = options?.signal;
    const path = serverPath(id, 'actions', POWER[what]);
    const { action } = await client.request({ method: 'POST', path, schema: ActionAnswer, idempotent: false, signal });
    await waitForActions(client, [action], signal);
  };

  /**
   * The server type, image and SSH key name a create needs, each checked; the spending guard runs as soon
   * as the type's price is known, before the image is looked up.
   */
  const resolve = async (request: CreateVirtualMachineRequest, maxPrice: number | undefined, signal?: AbortSignal) => {
    const { type: typeName, location } = planParts(request);
    const keyId = request.ssh_key_id;
    const [types, pricing, key] = await Promise.all([
      client.listAll('server_types', 'server_types', ServerTypeWire, { signal, searchParams: { name: typeName } }),
      maxPrice === undefined
        ? undefined
        : client.request({ method: 'GET', path: 'pricing', schema: PricingAnswer, signal }),
      keyId === undefined
        ? undefined
        : client.request({
            method: 'GET',
            path: numericIdPath(PROVIDER, 'ssh_keys', keyId, 'ssh_key_id'),
            schema: KeyAnswer,
            signal,
          }),
    ]);
    const type = types.find((t) => t.name === typeName);
    if (!type) {
      const fields: Record<string, string[]> = {
        plan: [`"${request.plan}" is not a server type (see billing.getCatalog())`],
      };
      if (maxPrice !== undefined) fields.maxPrice = ['the price could not be found'];
      throw invalid(fields);
    }
    if (!offeredIn(type, location))
      throw invalid({ data_center_id: [`server type ${type.name} is not offered in "${request.data_center_id}"`] });
    // A month of the type in that location (the IPv4 is billed on top).
    const cents = monthlyCents(type, location);
    const currency = pricing?.pricing.currency;
    const price = cents === undefined ? undefined : { amount: cents / 100, ...(currency ? { currency } : {}) };
    assertWithinMaxPrice(maxPrice, price, `a ${type.name} server in ${location}`, PROVIDER);
    const images = await client.listAll('images', 'images', ImageWire, {
      signal,
      searchParams: { architecture: type.architecture, type: 'system', include_deprecated: 'true' },
    });
    const image = findImage(images, request.template);
    if (!image) throw invalid({ template: [`"${request.template}" is not a system image for ${type.architecture}`] });
    return { type, location, image, keyName: key?.ssh_key.name };
  };

  return createVpsCapability({
    provider: PROVIDER,
    userDataLimit: USER_DATA_LIMIT,
    async list(options?: CallOptions): Promise<VirtualMachine[]> {
      const servers = await client.listAll('servers', 'servers', ServerWire, { signal: options?.signal });
      return servers.map(virtualMachineFromWire);
    },

    get: (id, options) => get(id, options?.signal),

    async create(request: CreateVirtualMachineRequest, options?: PurchaseOptions): Promise<VirtualMachine> {
      checkRequest(request);
      const maxPrice = checkMaxPrice(options, PROVIDER);
      const signal = options?.signal;
      // The caller's cloud-init document runs after the SDK's password set-up (only its SHA-512 crypt hash).
      const userData = mergeUserData(passwordCloudConfig(request.password), request.user_data, PROVIDER);
      assertUserDataFits(userData, USER_DATA_LIMIT, PROVIDER);
      const { type, location, image, keyName } = await resolve(request, maxPrice, signal);
      const body = {
        name: request.hostname,
        server_type: type.name,
        location,
        image: String(image.id),
        ...(keyName !== undefined ? { ssh_keys: [keyName] } : {}),
        user_data: userData,
      };
      // Never sent twice but on 429 (or a 409 conflict, which Hetzner answers before creating anything):
      // a second create could bill a second server.
      let created: z.infer<typeof CreateAnswer>;
      try {
        created = await client.request({
          method: 'POST',
          path: 'servers',
          json: body,
          schema: CreateAnswer,
          idempotent: false,
          signal,
        });
      } catch (error) {
        if (error instanceof ProviderAPIError && error.upstreamStatus === 412)
          throw invalid({ plan: [`${type.name} is not available in ${location} right now (sold out)`] });
        throw error;
      }
      await waitForActions(client, [created.action], signal);
      return get(String(created.server.id), signal);
    },

    async listDataCenters(options?: CallOptions): Promise<DataCenter[]> {
      const locations = await client.listAll('locations', 'locations', LocationWire, { signal: options?.signal });
      return locations.map(dataCenterFromWire);
    },

    power,
    ...snapshotCalls(client, serverPath),
  });
}
