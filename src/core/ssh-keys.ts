import type { CallOptions } from './call-options.js';

/** An SSH public key stored in the account. */
export interface SshKey {
  id: string;
  name: string;
  /** As `ssh-keygen -lf` prints it: `SHA256:` + unpadded base64. */
  fingerprint: string;
  public_key: string;
}

/** SSH keys. */
export interface SshKeysCapability {
  list(options?: CallOptions): Promise<SshKey[]>;
  /** @throws {ValidationError} when `publicKey` is not an OpenSSH public key. */
  add(name: string, publicKey: string, options?: CallOptions): Promise<SshKey>;
  delete(id: string, options?: CallOptions): Promise<void>;
}
