/**
 * The pieces of the adapter kit the Hetzner adapter builds on, in one place. The HTTP client, its spec and
 * the wait headers come from the public `setec-hosting/provider-kit`; the rest are the kit's internal
 * helpers (inspect label, answer parsing, zod/mini field helpers, id paths).
 *
 * @internal
 * @module
 */
export {
  type AdapterSpec,
  type ApiClient,
  type ApiClientOptions,
  type ErrorBody,
  type HttpMethod,
  adapterDefinition,
  createAdapterClient,
  readResetEpoch,
  readRetryAfter,
} from '../provider-kit/index.js';
export { withInspectLabel } from '../kit/adapter.js';
export { firstLine, parseWire, maybeBoolean, maybeNumber, maybeString, numericIdPath } from '../kit/index.js';
