/**
 * The command table: every group in the order `--help` lists them.
 * @module
 */
import type { GroupSpec } from '../spec.js';
import { acme } from './acme.js';
import { billing } from './billing.js';
import { dns } from './dns.js';
import { domains } from './domains.js';
import { providers } from './providers.js';
import { simulator } from './simulator.js';
import { sshKeys } from './ssh-keys.js';
import { vms } from './vms.js';

/** Every group of the CLI. */
export const GROUPS: readonly GroupSpec[] = [providers, dns, domains, vms, sshKeys, billing, acme, simulator];
