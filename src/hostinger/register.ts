/**
 * Registers the Hostinger provider in the process-wide registry. Importing this entry is one of the package's two
 * side effects (the other is `setec-hosting/digitalocean/register`); every other entry has none.
 *
 * @example
 * ```ts
 * import 'setec-hosting/hostinger/register';
 * import { createProvider } from 'setec-hosting';
 *
 * const provider = createProvider('hostinger', { provider: 'hostinger', api_key: token, api_secret: '', extra: {}, connected: false });
 * ```
 *
 * @module
 */
import { registerProvider } from '../core/registry.js';
import { hostinger } from './index.js';

registerProvider(hostinger, { replace: true });

export { hostinger };
