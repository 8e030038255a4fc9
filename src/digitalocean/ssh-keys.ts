/**
 * DigitalOcean SSH keys (`/v2/account/keys`): list every page, add, delete. DigitalOcean gives MD5
 * fingerprints; the SDK's `fingerprint` is the `SHA256:` form `ssh-keygen -lf` prints, computed locally.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import type { CallOptions } from '../core/call-options.js';
import { ValidationError } from '../core/errors.js';
import { parsePublicKey, sshFingerprint } from '../core/ssh-key.js';
import type { SshKey, SshKeysCapability } from '../core/ssh-keys.js';
import { maybeString, numericIdPath } from '../kit/index.js';
import { type DigitalOceanClient, listAll } from './client.js';

const PROVIDER = 'digitalocean';
const KeyWire = z.looseObject({ id: z.number(), name: maybeString, public_key: z.string() });
type KeyWire = z.infer<typeof KeyWire>;
const KeyAnswer = z.looseObject({ ssh_key: KeyWire });

function sshKeyFromWire(key: KeyWire): SshKey {
  let fingerprint = '';
  try {
    fingerprint = sshFingerprint(key.public_key);
  } catch {
    // A key stored in a form we cannot parse still lists, without a fingerprint.
  }
  return { id: String(key.id), name: key.name ?? '', fingerprint, public_key: key.public_key.trim() };
}

/**
 * The DigitalOcean implementation of {@link SshKeysCapability}. Listing keys is rate-limited to 10
 * requests a minute by DigitalOcean, so `add` does not list first: a duplicate key is refused by the API.
 */
export function createSshKeys(client: DigitalOceanClient): SshKeysCapability {
  return {
    async list(options?: CallOptions): Promise<SshKey[]> {
      const keys = await listAll(client, 'v2/account/keys', 'ssh_keys', KeyWire, { signal: options?.signal });
      return keys.map(sshKeyFromWire);
    },

    async add(name: string, publicKey: string, options?: CallOptions): Promise<SshKey> {
      if (typeof name !== 'string' || name.trim() === '' || name.length > 255)
        throw new ValidationError('Invalid SSH key name', {
          fields: { name: ['must be 1 to 255 characters'] },
          provider: PROVIDER,
        });
      const parsed = parsePublicKey(publicKey);
      const line = [parsed.type, parsed.blob, parsed.comment].filter(Boolean).join(' ');
      const { ssh_key } = await client.request({
        method: 'POST',
        path: 'v2/account/keys',
        json: { name: name.trim(), public_key: line },
        schema: KeyAnswer,
        idempotent: false,
        signal: options?.signal,
      });
      return sshKeyFromWire(ssh_key);
    },

    async delete(id: string, options?: CallOptions): Promise<void> {
      await client.request({
        method: 'DELETE',
        path: numericIdPath(PROVIDER, 'v2/account/keys', id),
        signal: options?.signal,
      });
    },
  };
}
