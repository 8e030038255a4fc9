import type { BillingCapability } from '../../core/billing.js';
import { checkSignal, copy } from './state.js';
import type { MemoryState } from './state.js';

/** The billing group of the memory provider: the seeded subscriptions plus one per purchase. */
export function createMemoryBilling(state: MemoryState): BillingCapability {
  return {
    async listSubscriptions(options) {
      checkSignal(options);
      return copy(state.subscriptions);
    },

    async getCatalog(options) {
      checkSignal(options);
      return copy(state.catalog);
    },
  };
}
