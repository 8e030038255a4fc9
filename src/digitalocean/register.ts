/**
 * Registers the DigitalOcean provider in the process-wide registry (importing it is a side effect, like `setec-hosting/hostinger/register`).
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
