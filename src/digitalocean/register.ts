/**
 * Registers the DigitalOcean provider in the process-wide registry. Importing this entry is one of the package's two
 * side effects (the other is `setec-hosting/hostinger/register`); every other entry has none.
 *
 * @example
 * ```ts
 * import 'setec-hosting/digitalocean/register';
 * import { createProvider } from 'setec-hosting';
 *
 * const provider = createProvider('digitalocean', { provider: 'digitalocean', api_key: token, api_secret: '', extra: {}, connected: false });
 * ```
 *
 * @module
 */
import { registerProvider } from '../core/registry.js';
import { digitalocean } from './index.js';

registerProvider(digitalocean, { replace: true });

export { digitalocean };
