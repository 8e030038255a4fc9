/**
 * Registers the Hetzner provider in the process-wide registry. Importing this entry is a side effect, like
 * the other adapters' `register` entries; every other entry has none.
 *
 * @example
 * ```ts
 * import 'setec-hosting/hetzner/register';
 * import { createProvider } from 'setec-hosting';
 *
 * const provider = createProvider('hetzner', { provider: 'hetzner', api_key: token, api_secret: '', extra: {}, connected: false });
 * ```
 *
 * @module
 */
import { registerProvider } from '../core/registry.js';
import { hetzner } from './index.js';

registerProvider(hetzner, { replace: true });

export { hetzner };
