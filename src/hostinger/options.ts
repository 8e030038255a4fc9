/**
 * Options of the Hostinger adapter.
 *
 * @module
 */
import type { AdapterOptions, AdapterRetryOptions } from '../core/adapter-options.js';

/** Retry settings of `createHostingerProvider`. */
export type HostingerRetryOptions = AdapterRetryOptions;

/** Options of `createHostingerProvider`. */
export interface HostingerProviderOptions extends AdapterOptions {
  /** The API token from hpanel.hostinger.com/profile/api. Sent only as `Authorization: Bearer`. */
  apiKey: string;
  /**
   * The API origin (tests point it at a simulator). Redirects are never followed.
   * @default 'https://developers.hostinger.com'
   */
  baseUrl?: string;
}
