/**
 * Hostinger SSH public keys (`/api/vps/v1/public-keys`, paginated): list every page, add, delete.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import type { CallOptions } from '../core/call-options.js';
import { ValidationError } from '../core/errors.js';
import { parsePublicKey, sshFingerprint } from '../core/ssh-key.js';
import type { SshKey, SshKeysCapability } from '../core/ssh-keys.js';
import type { HostingerClient } from './client.js';
import { apiPath, idPath } from './paths.js';
import { listWire, MessageWire } from '../kit/wire.js';

/** A stored public key. */
export const PublicKeyWire = z.looseObject({
  id: z.number(),
  name: z.nullable(z.optional(z.string())),
  key: z.string(),
});
export type PublicKeyWire = z.infer<typeof PublicKeyWire>;
const PublicKeyPageWire = listWire(PublicKeyWire);

const KEYS = 'api/vps/v1/public-keys';
/** A guard against a server that keeps saying "more pages". */
const MAX_PAGES = 200;

export function sshKeyFromWire(key: PublicKeyWire): SshKey {
  let fingerprint = '';
  try {
    fingerprint = sshFingerprint(key.key);
  } catch {
    // A key Hostinger stored in a form we cannot parse still lists, without a fingerprint.
  }
  return { id: String(key.id), name: key.name ?? '', fingerprint, public_key: key.key.trim() };
}

/** Every public key of the account, following `meta` page by page. */
export async function listPublicKeys(client: HostingerClient, signal?: AbortSignal): Promise<PublicKeyWire[]> {
  const all: PublicKeyWire[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data: items, meta } = await client.request({
      method: 'GET',
      path: apiPath(KEYS),
      searchParams: { page },
      schema: PublicKeyPageWire,
      signal,
    });
    all.push(...items);
    if (!meta || items.length === 0) break;
    const perPage = meta.per_page ?? items.length;
    const current = meta.current_page ?? page;
    if (meta.total === undefined || current * perPage >= meta.total) break;
  }
  return all;
}

/** The Hostinger implementation of {@link SshKeysCapability}. */
export function createSshKeys(client: HostingerClient): SshKeysCapability {
  return {
    async list(options?: CallOptions): Promise<SshKey[]> {
      return (await listPublicKeys(client, options?.signal)).map(sshKeyFromWire);
    },

    async add(name: string, publicKey: string, options?: CallOptions): Promise<SshKey> {
      if (typeof name !== 'string' || name.trim() === '' || name.length > 255) {
        throw new ValidationError('An SSH key needs a name', { fields: { name: ['must be 1 to 255 characters'] } });
      }
      const parsed = parsePublicKey(publicKey);
      const key = [parsed.type, parsed.blob, parsed.comment].filter(Boolean).join(' ');
      // Adding is not idempotent (a replay could store the key twice): no retry on 5xx.
      const created = await client.request({
        method: 'POST',
        path: apiPath(KEYS),
        json: { name: name.trim(), key },
        schema: PublicKeyWire,
        signal: options?.signal,
      });
      return sshKeyFromWire(created);
    },

    async delete(id: string, options?: CallOptions): Promise<void> {
      await client.request({ method: 'DELETE', path: idPath(KEYS, id), schema: MessageWire, signal: options?.signal });
    },
  };
}
