/**
 * Hetzner SSH keys (`/ssh_keys`): list every page, add, delete. Hetzner gives MD5 fingerprints; the SDK's
 * `fingerprint` is the `SHA256:` form `ssh-keygen -lf` prints, computed locally.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import type { CallOptions } from '../core/call-options.js';
import { ValidationError } from '../core/errors.js';
import { parsePublicKey, sshFingerprint } from '../core/ssh-key.js';
import type { SshKey, SshKeysCapability } from '../core/ssh-keys.js';
import type { HetznerClient } from './client.js';
import { maybeString, numericIdPath } from './kit.js';

const PROVIDER = 'hetzner';
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

/** The Hetzner implementation of {@link SshKeysCapability}. A duplicate key or name is refused by the API (409). */
export function createSshKeys(client: HetznerClient): SshKeysCapability {
  return {
    async list(options?: CallOptions): Promise<SshKey[]> {
      const keys = await client.listAll('ssh_keys', 'ssh_keys', KeyWire, { signal: options?.signal });
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
        path: 'ssh_keys',
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
        path: numericIdPath(PROVIDER, 'ssh_keys', id),
        schema: z.optional(z.unknown()),
        signal: options?.signal,
      });
    },
  };
}
