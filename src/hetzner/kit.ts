/**
 * The pieces of the adapter kit the Hetzner adapter builds on, in one place: when the kit's public
 * entry (`setec-hosting/provider-kit`) exports them, only this file changes.
 *
 * @internal
 * @module
 */
export { adapterDefinition, createAdapterClient, withInspectLabel } from '../kit/adapter.js';
export {
  type AdapterSpec,
  ApiClient,
  type ApiClientOptions,
  type ErrorBody,
  type HttpMethod,
  firstLine,
  parseWire,
  readResetEpoch,
  readRetryAfter,
  maybeBoolean,
  maybeNumber,
  maybeString,
  numericIdPath,
  sha512Crypt,
} from '../kit/index.js';
