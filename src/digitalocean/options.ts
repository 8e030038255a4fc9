/**
 * Options of the DigitalOcean adapter.
 *
 * @module
 */
import type { AdapterOptions, AdapterRetryOptions } from '../core/adapter-options.js';

/** Retry settings of `createDigitalOceanProvider`. */
export type DigitalOceanRetryOptions = AdapterRetryOptions;

/** Options of `createDigitalOceanProvider`. */
export interface DigitalOceanProviderOptions extends AdapterOptions {
  /** A personal access token (`dop_v1_...`) or an OAuth token. Sent only as `Authorization: Bearer`. */
  apiKey: string;
  /**
   * The API origin (tests point it at a simulator). Redirects are never followed.
   * @default 'https://api.digitalocean.com'
   */
  baseUrl?: string;
}
