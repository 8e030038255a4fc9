/**
 * DigitalOcean droplet actions followed to their end, droplet snapshots (taken and restored through
 * actions, deleted through `/v2/snapshots`), and droplet deletion.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import type { CallOptions } from '../core/call-options.js';
import { NotFoundError, ProviderAPIError } from '../core/errors.js';
import type { VmSnapshot } from '../core/vps.js';
import { maybeNumber, maybeString, numericIdPath } from '../kit/index.js';
import type { ActionProbe, VmSnapshotStarted } from '../provider-kit/vps-source.js';
import { type DigitalOceanClient, listAll } from './client.js';

const PROVIDER = 'digitalocean';
/** DigitalOcean's largest `user_data`. */
export const USER_DATA_LIMIT = 64 * 1024;

/** An action; nothing in it is required by the spec, so every field is optional. */
const ActionWire = z.looseObject({ id: maybeNumber, status: maybeString, type: maybeString });
const ActionAnswer = z.looseObject({ action: z.optional(z.nullable(ActionWire)) });
const SnapshotWire = z.looseObject({
  // A number or a string (zod's union would weigh ~1 kB in the bundle for this one field).
  id: z.custom<number | string>((v) => typeof v === 'number' || typeof v === 'string'),
  name: maybeString,
  created_at: maybeString,
  size_gigabytes: maybeNumber,
  type: maybeString,
});

export const dropletPath = (id: string, ...rest: string[]) => numericIdPath(PROVIDER, 'v2/droplets', id, 'id', ...rest);

/**
 * Sends a droplet action (never retried but on 429) and answers a probe that reads it back through the
 * droplet-scoped path (which needs only `droplet:read`): `true` once `completed`, an error once `errored`.
 */
export async function dropletAction(
  client: DigitalOceanClient,
  id: string,
  body: Record<string, unknown>,
  options?: CallOptions,
): Promise<ActionProbe | void> {
  const { action } = await client.request({
    method: 'POST',
    path: dropletPath(id, 'actions'),
    json: body,
    schema: ActionAnswer,
    idempotent: false,
    signal: options?.signal,
  });
  const actionId = action?.id;
  if (typeof actionId !== 'number') return undefined;
  return async (o: CallOptions) => {
    const path = dropletPath(id, 'actions', String(actionId));
    const answer = await client.request({ method: 'GET', path, schema: ActionAnswer, signal: o.signal });
    const status = answer.action?.status;
    if (status === 'errored') {
      throw new ProviderAPIError(`DigitalOcean reports that the ${String(body.type)} action ${actionId} failed`, {
        provider: PROVIDER,
      });
    }
    return status === 'completed';
  };
}

/** The droplet's snapshots (its backups left out), oldest first. */
export async function listSnapshots(client: DigitalOceanClient, id: string, o?: CallOptions): Promise<VmSnapshot[]> {
  const all = await listAll(client, dropletPath(id, 'snapshots'), 'snapshots', SnapshotWire, { signal: o?.signal });
  return all
    .filter((s) => s.type == null || s.type === 'snapshot')
    .map((s) => {
      const snap: VmSnapshot = { id: String(s.id), vm_id: id, name: s.name ?? '', created_at: s.created_at ?? '' };
      if (typeof s.size_gigabytes === 'number') snap.size_gb = s.size_gigabytes;
      return snap;
    })
    .sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
}

/** Takes a snapshot named `name`; the action does not name the snapshot, which is found by name once it is done. */
export async function createSnapshot(
  client: DigitalOceanClient,
  id: string,
  name: string,
  o?: CallOptions,
): Promise<VmSnapshotStarted> {
  const probe = await dropletAction(client, id, { type: 'snapshot', name }, o);
  return probe ? { probe } : {};
}

/**
 * Checks that the snapshot is one of the droplet's (an unknown one is a NotFoundError before any write);
 * answers its path.
 */
async function requireSnapshot(client: DigitalOceanClient, id: string, snapshotId: string, o?: CallOptions) {
  const path = numericIdPath(PROVIDER, 'v2/snapshots', snapshotId, 'snapshotId');
  const found = (await listSnapshots(client, id, o)).some((s) => s.id === snapshotId);
  if (!found) throw new NotFoundError(`Droplet ${id} has no snapshot ${snapshotId}`, { provider: PROVIDER });
  return path;
}

/** Restores the droplet from one of its snapshots through the `restore` action. */
export async function restoreSnapshot(client: DigitalOceanClient, id: string, snapshotId: string, o?: CallOptions) {
  await requireSnapshot(client, id, snapshotId, o);
  return dropletAction(client, id, { type: 'restore', image: Number(snapshotId) }, o);
}

/** Deletes one of the droplet's snapshots. Never retried but on 429. */
export async function deleteSnapshot(client: DigitalOceanClient, id: string, snapshotId: string, o?: CallOptions) {
  const path = await requireSnapshot(client, id, snapshotId, o);
  await client.request({ method: 'DELETE', path, idempotent: false, signal: o?.signal });
}

/** Destroys the droplet (its snapshots stay, and are billed). Never retried but on 429. */
export async function deleteDroplet(client: DigitalOceanClient, id: string, o?: CallOptions): Promise<void> {
  await client.request({ method: 'DELETE', path: dropletPath(id), idempotent: false, signal: o?.signal });
}
