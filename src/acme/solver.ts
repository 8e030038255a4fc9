import type { Provider } from '../core/provider.js';
import { cleanupDns01, presentDns01 } from './present.js';
import type { Dns01Options } from './options.js';

/** The parts of acme-client's authorization and challenge objects the solver reads. */
export interface AcmeAuthorization {
  identifier: { type: string; value: string };
  wildcard?: boolean;
}

/** The parts of an ACME challenge the solver reads. */
export interface AcmeChallenge {
  type: string;
}

/** acme-client's `challengeCreateFn` and `challengeRemoveFn`, answering DNS-01 through a provider. */
export interface Dns01Solver {
  /** Presents the record and waits until every nameserver answers it. */
  challengeCreateFn(authz: AcmeAuthorization, challenge: AcmeChallenge, keyAuthorization: string): Promise<void>;
  /** Removes only this challenge's value. */
  challengeRemoveFn(authz: AcmeAuthorization, challenge: AcmeChallenge, keyAuthorization: string): Promise<void>;
  /** The challenge types the solver answers (`['dns-01']`), for acme-client's `challengePriority`. */
  readonly challengePriority: string[];
}

function refuseOtherTypes(challenge: AcmeChallenge): void {
  if (challenge.type !== 'dns-01') {
    throw new TypeError(
      `this solver answers dns-01 challenges only, not ${challenge.type}; pass challengePriority: ['dns-01']`,
    );
  }
}

/**
 * A DNS-01 solver for acme-client's `auto()`: writes the challenge TXT through `provider`, waits for it to
 * propagate, and removes only its own value afterwards.
 *
 * @example
 * ```ts
 * import acme from 'acme-client';
 * import { createDns01Solver } from 'setec-hosting/acme';
 *
 * const solver = createDns01Solver(provider);
 * const [key, csr] = await acme.crypto.createCsr({ altNames: ['example.com', '*.example.com'] });
 * const cert = await client.auto({ csr, termsOfServiceAgreed: true, ...solver, skipChallengeVerification: true });
 * ```
 */
export function createDns01Solver(provider: Provider, options: Dns01Options = {}): Dns01Solver {
  return {
    challengePriority: ['dns-01'],
    async challengeCreateFn(authz, challenge, keyAuthorization) {
      refuseOtherTypes(challenge);
      await presentDns01(provider, authz.identifier.value, keyAuthorization, options);
    },
    async challengeRemoveFn(authz, challenge, keyAuthorization) {
      refuseOtherTypes(challenge);
      await cleanupDns01(provider, authz.identifier.value, keyAuthorization, options);
    },
  };
}
