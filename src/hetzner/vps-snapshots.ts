/**
 * Hetzner server deletion and snapshots: a snapshot is an image of type `snapshot` created from the server
 * (`POST /servers/{id}/actions/create_image`), listed from `/images` by `created_from`, restored with
 * `rebuild` and deleted with `DELETE /images/{id}`. Hetzner keeps as many snapshots per server as wanted
 * (each billed per GB and month), and they outlive the server.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import type { CallOptions } from '../core/call-options.js';
import type { VmSnapshot } from '../core/vps.js';
import type { VmSnapshotStarted, VpsSource } from '../provider-kit/vps-source.js';
import { ActionWire, MaybeActionAnswer, actionProbe, waitForActions } from './actions.js';
import type { HetznerClient } from './client.js';
import { maybeNumber, maybeString, numericIdPath } from './kit.js';

const PROVIDER = 'hetzner';

const SnapshotWire = z.looseObject({
  id: z.number(),
  type: maybeString,
  description: maybeString,
  created: maybeString,
  image_size: maybeNumber,
  created_from: z.optional(z.nullable(z.looseObject({ id: z.number(), name: maybeString }))),
});
type SnapshotWire = z.infer<typeof SnapshotWire>;
const CreateImageAnswer = z.looseObject({ image: SnapshotWire, action: ActionWire });
const RebuildAnswer = z.looseObject({ action: ActionWire });

function snapshotFromWire(image: SnapshotWire, vmId: string): VmSnapshot {
  const snapshot: VmSnapshot = {
    id: String(image.id),
    vm_id: image.created_from ? String(image.created_from.id) : vmId,
    name: image.description ?? '',
    created_at: image.created ?? '',
  };
  if (typeof image.image_size === 'number') snapshot.size_gb = image.image_size;
  return snapshot;
}

/** `delete` and the snapshot calls of the Hetzner `VpsSource`. */
export function snapshotCalls(
  client: HetznerClient,
  serverPath: (id: string, ...rest: string[]) => string,
): Pick<VpsSource, 'delete' | 'listSnapshots' | 'createSnapshot' | 'restoreSnapshot' | 'deleteSnapshot'> {
  const imagePath = (id: string) => numericIdPath(PROVIDER, 'images', id, 'snapshotId');
  return {
    // Never sent twice but on 429; resolves once Hetzner's delete action has succeeded.
    async delete(id: string, options?: CallOptions) {
      const signal = options?.signal;
      const path = serverPath(id);
      const answer = await client.request({
        method: 'DELETE',
        path,
        schema: MaybeActionAnswer,
        idempotent: false,
        signal,
      });
      await waitForActions(client, [answer?.action], signal);
    },

    async listSnapshots(id: string, options?: CallOptions): Promise<VmSnapshot[]> {
      // The image list filters by nothing that fails: an unknown machine must be a NotFoundError, not [].
      await client.request({ method: 'GET', path: serverPath(id), schema: z.unknown(), signal: options?.signal });
      const images = await client.listAll('images', 'images', SnapshotWire, {
        signal: options?.signal,
        searchParams: { type: 'snapshot', sort: 'created:asc' },
      });
      return images.filter((i) => String(i.created_from?.id) === id).map((i) => snapshotFromWire(i, id));
    },

    async createSnapshot(id: string, name: string, options?: CallOptions): Promise<VmSnapshotStarted> {
      const { image, action } = await client.request({
        method: 'POST',
        path: serverPath(id, 'actions', 'create_image'),
        json: { type: 'snapshot', description: name },
        schema: CreateImageAnswer,
        idempotent: false,
        signal: options?.signal,
      });
      const snapshot = snapshotFromWire(image, id);
      return { snapshot, probe: actionProbe(client, action), pick: (all) => all.find((s) => s.id === snapshot.id) };
    },

    // The disk is rebuilt from the snapshot image: Hetzner's `rebuild` with the image id.
    async restoreSnapshot(id: string, snapshotId: string, options?: CallOptions) {
      const image = imagePath(snapshotId).slice('images/'.length);
      const { action } = await client.request({
        method: 'POST',
        path: serverPath(id, 'actions', 'rebuild'),
        json: { image },
        schema: RebuildAnswer,
        idempotent: false,
        signal: options?.signal,
      });
      return actionProbe(client, action);
    },

    async deleteSnapshot(id: string, snapshotId: string, options?: CallOptions) {
      serverPath(id);
      const path = imagePath(snapshotId);
      await client.request({
        method: 'DELETE',
        path,
        schema: z.optional(z.unknown()),
        idempotent: false,
        signal: options?.signal,
      });
    },
  };
}
