import { ConflictError, NotFoundError } from '../../core/errors.js';
import { sshFingerprint } from '../../core/ssh-key.js';
import { normalizeSshKeyName } from '../../core/validation/index.js';
import type { SshKey, SshKeysCapability } from '../../core/ssh-keys.js';
import { checkSignal, copy, nextId } from './state.js';
import type { MemoryState } from './state.js';

/** Adds a key to the state, computing its fingerprint (shared by `add` and seeding). */
export function addKey(state: MemoryState, name: string, publicKey: string): SshKey {
  const keyName = normalizeSshKeyName(name);
  const fingerprint = sshFingerprint(publicKey);
  if (state.sshKeys.some((k) => k.fingerprint === fingerprint)) {
    throw new ConflictError(`An SSH key with fingerprint ${fingerprint} already exists`, { provider: state.provider });
  }
  const key: SshKey = { id: nextId(state), name: keyName, fingerprint, public_key: publicKey.trim() };
  state.sshKeys.push(key);
  return key;
}

/** The SSH keys group of the memory provider: fingerprints as `ssh-keygen -lf` prints them, duplicates refused. */
export function createMemorySshKeys(state: MemoryState): SshKeysCapability {
  return {
    async list(options) {
      checkSignal(options);
      return copy(state.sshKeys);
    },

    async add(name, publicKey, options) {
      checkSignal(options);
      return copy(addKey(state, name, publicKey));
    },

    async delete(id, options) {
      checkSignal(options);
      const index = state.sshKeys.findIndex((k) => k.id === String(id));
      if (index < 0) throw new NotFoundError(`SSH key "${id}" does not exist`, { provider: state.provider });
      state.sshKeys.splice(index, 1);
    },
  };
}
