import type { CallOptions } from './call-options.js';
import type { PurchaseOptions } from './spending.js';

/** A registered domain. */
export interface Domain {
  name: string;
  registrar: string;
  status: string;
  /** ISO-8601; `""` when the provider does not know. */
  expires_at: string;
  auto_renew: boolean;
  locked: boolean;
  privacy_protection: boolean;
  nameservers: string[];
}

/** The answer of an availability check for one domain. */
export interface DomainAvailability {
  domain: string;
  available: boolean;
  /** Price in currency units (9.99), when known. */
  price?: number;
  currency?: string;
}

/** Options of `checkAvailability`. */
export interface AvailabilityOptions extends CallOptions {
  /**
   * Years of registration the price is for (default 1): the first period's charge for that many years,
   * the figure `purchase` compares with `maxPrice` for the same period.
   */
  period?: number;
}

/** What to buy. */
export interface DomainPurchaseRequest {
  domain: string;
  /** Years. */
  period: number;
  auto_renew: boolean;
  privacy_protection: boolean;
  payment_method_id?: string;
}

/** Domain registration and settings. */
export interface DomainsCapability {
  /** Lists the account's domains. */
  list(options?: CallOptions): Promise<Domain[]>;
  /** @throws {NotFoundError} when the domain is not in the account. */
  get(domain: string, options?: CallOptions): Promise<Domain>;
  /**
   * Checks full names, e.g. `['cool-project.com', 'cool-project.io']`; `price` is what registering one for
   * `options.period` years (default 1) charges today.
   */
  checkAvailability(domains: string[], options?: AvailabilityOptions): Promise<DomainAvailability[]>;
  /**
   * Buys a domain. Never retried on a server error.
   * @throws {ValidationError} naming `maxPrice` when a limit is given and the price is higher or unknown
   *   (nothing is bought then).
   */
  purchase(request: DomainPurchaseRequest, options?: PurchaseOptions): Promise<Domain>;
  /** Sets 2 to 4 nameservers. */
  setNameservers(domain: string, nameservers: string[], options?: CallOptions): Promise<void>;
  enableLock(domain: string, options?: CallOptions): Promise<void>;
  disableLock(domain: string, options?: CallOptions): Promise<void>;
  enablePrivacy(domain: string, options?: CallOptions): Promise<void>;
  disablePrivacy(domain: string, options?: CallOptions): Promise<void>;
}
