/**
 * Options of the Hetzner adapter.
 *
 * @module
 */
import type { AdapterOptions, AdapterRetryOptions } from '../core/adapter-options.js';

/** Retry settings of `createHetznerProvider`. */
export type HetznerRetryOptions = AdapterRetryOptions;

/** How the adapter waits for the actions Hetzner answers writes with. */
export interface HetznerActionOptions {
  /**
   * Milliseconds before the first poll of a running action; each later poll waits twice as long as the
   * one before, up to 10 s. Every poll counts against Hetzner's hourly request budget.
   * @default 500
   */
  intervalMs?: number;
  /**
   * The longest wait for one write's actions, in milliseconds: past it the call rejects with a
   * `TimeoutError` naming the action (the write itself was accepted and may still finish).
   * @default 600000
   */
  timeoutMs?: number;
}

/** Options of `createHetznerProvider`. */
export interface HetznerProviderOptions extends AdapterOptions {
  /** A Hetzner Cloud API token of one project (read/write for changes). Sent only as `Authorization: Bearer`. */
  apiKey: string;
  /**
   * The API origin and path (tests point it at a simulator). Redirects are never followed.
   * @default 'https://api.hetzner.cloud/v1'
   */
  baseUrl?: string;
  /** Polling of the actions writes answer with. */
  actions?: HetznerActionOptions;
}
