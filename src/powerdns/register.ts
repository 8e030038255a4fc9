/**
 * Registers the PowerDNS provider in the process-wide registry. Importing this entry has that side effect,
 * as every `*\/register` entry does; every other entry has none.
 *
 * @example
 * ```ts
 * import 'setec-hosting/powerdns/register';
 * import { createProvider } from 'setec-hosting';
 *
 * const provider = createProvider('powerdns', { api_key: key, extra: { base_url: 'http://127.0.0.1:8081' } });
 * ```
 *
 * @module
 */
import { registerProvider } from '../index.js';
import { powerdns } from './index.js';

registerProvider(powerdns, { replace: true });

export { powerdns };
