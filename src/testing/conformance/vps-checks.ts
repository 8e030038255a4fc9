import { isNotFoundError } from '../../core/errors.js';
import { requireCapability } from '../../core/provider.js';
import { ensure, rejection, show } from './assert.js';
import type { ConformanceCheck } from './types.js';

/** An id no provider hands out; power actions on it must fail without touching a real machine. */
const ABSENT_VM = '987654321';

/**
 * VPS rules that are safe against a real account: no check powers a real machine on or off. Power
 * actions are only called on a VM id that does not exist.
 */
export const vpsChecks: ConformanceCheck[] = [
  {
    name: 'vps: start, stop and restart of a VM that does not exist are NotFoundErrors',
    requires: 'vps',
    async run(provider) {
      const vps = requireCapability(provider, 'vps');
      for (const action of ['start', 'stop', 'restart'] as const) {
        const error = await rejection(vps[action](ABSENT_VM), `vps.${action}('${ABSENT_VM}')`);
        ensure(
          isNotFoundError(error),
          `vps.${action} of an absent VM should be a NotFoundError, got ${show(String(error))}`,
        );
      }
    },
  },
];
