/**
 * Hostinger VPS actions, the one snapshot each machine keeps, and user data as a post-install script.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import type { CallOptions } from '../core/call-options.js';
import { isNotFoundError, NotFoundError, ProviderAPIError, ValidationError } from '../core/errors.js';
import type { VmSnapshot } from '../core/vps.js';
import { maybeNumber, maybeString } from '../kit/wire.js';
import { assertUserDataFits, userDataType } from '../kit/user-data.js';
import type { ActionProbe, VmSnapshotStarted } from '../provider-kit/vps-source.js';
import type { HostingerClient } from './client.js';
import { apiPath, idPath } from './paths.js';

const VPS = 'api/vps/v1';
const PROVIDER = 'hostinger';
/** Hostinger's largest post-install script. */
export const POST_INSTALL_LIMIT = 48 * 1024;

/** An asynchronous VPS action (`created`, `sent`, `delayed` while it runs). */
export const ActionWire = z.looseObject({ id: z.number(), name: maybeString, state: maybeString });
const SnapshotWire = z.optional(
  z.nullable(z.looseObject({ id: maybeNumber, created_at: maybeString, expires_at: maybeString })),
);
const ScriptWire = z.looseObject({ id: z.number(), name: maybeString });

const vmPath = (id: string, ...rest: string[]) => idPath(`${VPS}/virtual-machines`, id, 'id', ...rest);

/** Follows one action: `true` on `success`, a `ProviderAPIError` naming it on `error`. */
export function actionProbe(client: HostingerClient, vmId: string, action: z.infer<typeof ActionWire>): ActionProbe {
  const check = (state: string | null | undefined) => {
    if (state === 'error') {
      throw new ProviderAPIError(`Hostinger reports that action ${action.name ?? action.id} failed`, {
        provider: PROVIDER,
      });
    }
    return state === 'success';
  };
  return async (options: CallOptions) => {
    const path = vmPath(vmId, 'actions', String(action.id));
    const answer = await client.request({ method: 'GET', path, schema: ActionWire, signal: options.signal });
    return check(answer.state);
  };
}

/** Sends an action (never retried but on 429) and answers its probe. */
export async function sendAction(
  client: HostingerClient,
  vmId: string,
  method: 'POST' | 'DELETE',
  path: string,
  options?: CallOptions,
): Promise<ActionProbe> {
  const action = await client.request({ method, path, schema: ActionWire, idempotent: false, signal: options?.signal });
  return actionProbe(client, vmId, action);
}

/** The machine's snapshot as a one-entry list (none when it has none); an unknown machine is a NotFoundError. */
export async function listSnapshots(
  client: HostingerClient,
  vmId: string,
  options?: CallOptions,
): Promise<VmSnapshot[]> {
  const signal = options?.signal;
  let snap: z.infer<typeof SnapshotWire>;
  try {
    snap = await client.request({ method: 'GET', path: vmPath(vmId, 'snapshot'), schema: SnapshotWire, signal });
  } catch (error) {
    if (!isNotFoundError(error)) throw error;
    // A 404 means no snapshot, or no machine: only the machine's own 404 is an error.
    await client.request({ method: 'GET', path: vmPath(vmId), signal });
    return [];
  }
  if (!snap || snap.id == null) return [];
  const created = snap.created_at ?? '';
  return [{ id: String(snap.id), vm_id: vmId, name: `snapshot ${created}`.trim(), created_at: created }];
}

/** Takes the snapshot, replacing the one there; the new one is the machine's only snapshot. */
export async function createSnapshot(
  client: HostingerClient,
  vmId: string,
  options?: CallOptions,
): Promise<VmSnapshotStarted> {
  const probe = await sendAction(client, vmId, 'POST', vmPath(vmId, 'snapshot'), options);
  return { probe, pick: (all) => all[0] };
}

/** The machine's snapshot when its id is `snapshotId`; otherwise a NotFoundError before anything is written. */
export async function requireSnapshot(
  client: HostingerClient,
  vmId: string,
  snapshotId: string,
  options?: CallOptions,
): Promise<void> {
  const [snap] = await listSnapshots(client, vmId, options);
  if (snap?.id !== snapshotId) {
    throw new NotFoundError(`Virtual machine ${vmId} has no snapshot ${snapshotId}`, { provider: PROVIDER });
  }
}

export async function restoreSnapshot(client: HostingerClient, vmId: string, snapshotId: string, o?: CallOptions) {
  await requireSnapshot(client, vmId, snapshotId, o);
  return sendAction(client, vmId, 'POST', vmPath(vmId, 'snapshot', 'restore'), o);
}

export async function deleteSnapshot(client: HostingerClient, vmId: string, snapshotId: string, o?: CallOptions) {
  await requireSnapshot(client, vmId, snapshotId, o);
  await sendAction(client, vmId, 'DELETE', vmPath(vmId, 'snapshot'), o);
}

/** A delimiter for a here-document that the text does not contain as a line. */
function delimiter(text: string): string {
  let mark = 'SETEC_CLOUD_CONFIG';
  while (text.split('\n').includes(mark)) mark += '_';
  return mark;
}

/**
 * The post-install script for `userData`: a `#!` script as it is; a `#cloud-config` document handed to
 * cloud-init (`cloud-init single`, module by module) by a small shell script, which fails visibly in
 * `/post_install.log` when the template has no cloud-init.
 * @throws {ValidationError} naming `user_data` when it is not a script or cloud-config, or when the script
 *   is over Hostinger's 48 KB.
 */
export function postInstallScript(userData: string): string {
  const type = userDataType(userData, PROVIDER);
  let script: string;
  if (type === 'text/x-shellscript') script = userData;
  else if (type === 'text/cloud-config') {
    const mark = delimiter(userData);
    const modules = ['write_files', 'users_groups', 'package_update_upgrade_install', 'runcmd', 'scripts_user'];
    script =
      `#!/bin/sh\n# cloud-config from setec-hosting, applied by cloud-init\nset -e\n` +
      `command -v cloud-init >/dev/null || { echo "cloud-init is not installed" >&2; exit 1; }\n` +
      `mkdir -p /etc/setec-hosting\ncat > /etc/setec-hosting/user-data.cfg <<'${mark}'\n` +
      `${userData.endsWith('\n') ? userData : `${userData}\n`}${mark}\n` +
      modules
        .map((m) => `cloud-init --file /etc/setec-hosting/user-data.cfg single --name ${m} --frequency always\n`)
        .join('');
  } else {
    const message = 'must be a "#!" script or a "#cloud-config" document (Hostinger runs it as a post-install script)';
    throw new ValidationError(`Invalid user_data: ${message}`, {
      fields: { user_data: [message] },
      provider: PROVIDER,
    });
  }
  assertUserDataFits(script, POST_INSTALL_LIMIT, PROVIDER);
  return script;
}

/** Creates the post-install script a new machine runs; answers its id. Never retried but on 429. */
export async function createPostInstallScript(
  client: HostingerClient,
  hostname: string,
  content: string,
  signal?: AbortSignal,
): Promise<number> {
  const script = await client.request({
    method: 'POST',
    path: apiPath(`${VPS}/post-install-scripts`),
    json: { name: `setec-hosting ${hostname} ${new Date().toISOString()}`, content },
    schema: ScriptWire,
    idempotent: false,
    signal,
  });
  return script.id;
}
