/**
 * Certificates over ACME DNS-01 with any provider that has a `dns` group: a solver for acme-client's
 * `auto()`, and the present / cleanup / wait steps for other ACME clients (lego, certbot, cert-manager).
 *
 * @example
 * ```ts
 * import { presentDns01, cleanupDns01 } from 'setec-hosting/acme';
 * await presentDns01(provider, 'example.com', digest); // resolves once every nameserver answers it
 * await cleanupDns01(provider, 'example.com', digest);
 * ```
 * @module
 */
export { cleanupDns01, presentDns01 } from './present.js';
export { createDns01Solver } from './solver.js';
export type { AcmeAuthorization, AcmeChallenge, Dns01Solver } from './solver.js';
export type { Dns01Options } from './options.js';
export { waitForTxt } from './wait.js';
