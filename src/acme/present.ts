import { ConflictError } from '../core/errors.js';
import type { Provider } from '../core/provider.js';
import { requireCapability } from '../core/provider.js';
import { exclusive } from '../provider-kit/zone-lock.js';
import { locateChallenge, type ChallengeTarget } from './locate.js';
import { challengeName, checkValue } from './names.js';
import { resolveDns01Options, type Dns01Options } from './options.js';
import { waitForTxtAt } from './wait.js';

// acme-client presents every authorization of an order at once, and an apex and a wildcard share one name:
// two read-modify-writes of one TXT set must not interleave, or one value is lost. One queue per provider
// object and set, through the provider kit's process-wide queues.
const providerIds = new WeakMap<Provider, number>();
let nextProviderId = 0;

function serialized<T>(provider: Provider, target: ChallengeTarget, work: () => Promise<T>): Promise<T> {
  let id = providerIds.get(provider);
  if (id === undefined) providerIds.set(provider, (id = nextProviderId++));
  return exclusive(`acme ${id} ${target.zone} ${target.name}`, work);
}

function sameName(record: { name: string }, name: string): boolean {
  return record.name.toLowerCase() === name;
}

/** The TXT values at the challenge name, as the provider lists them. */
async function challengeValues(
  provider: Provider,
  target: ChallengeTarget,
  signal?: AbortSignal,
): Promise<{ values: string[]; ttl?: number }> {
  const records = await requireCapability(provider, 'dns').list(target.zone, signal ? { signal } : {});
  const set = records.filter((r) => r.type === 'TXT' && sameName(r, target.name));
  return { values: set.map((r) => r.content), ...(set[0] ? { ttl: set[0].ttl } : {}) };
}

/** How many times `present` writes its value when another client keeps removing it. */
const WRITES = 3;

/**
 * Adds `value` to the TXT set at `_acme-challenge.<name>` and waits until every authoritative nameserver
 * answers it. Other values at that name are kept (an apex and a wildcard certificate need two); a value
 * already there is not written again. When the challenge name is a CNAME, the TXT is written at its target.
 * Once the nameservers answer it, the value is looked up once more through the provider: when another
 * client removed it meanwhile (a cleanup that rewrote the set from an older read), it is written again
 * and waited for again, up to 3 writes.
 *
 * @param fqdn The domain being validated (`example.com`, `*.example.com`) or the challenge name itself
 *   (`_acme-challenge.example.com.`, as lego passes it).
 * @param value The DNS-01 digest (acme-client's `keyAuthorization` for a dns-01 challenge).
 * @throws {ValidationError} for a bad name, value or option, before anything is written.
 * @throws {NotFoundError} when the name is outside every zone the provider has (nothing is written).
 * @throws {TimeoutError} naming the nameservers that did not answer the value in `timeoutMs`.
 * @throws {ConflictError} when the value was gone again after each of its 3 writes.
 *
 * @example
 * ```ts
 * await presentDns01(provider, 'example.com', digest);
 * // ... ask the CA to validate, then:
 * await cleanupDns01(provider, 'example.com', digest);
 * ```
 */
export async function presentDns01(
  provider: Provider,
  fqdn: string,
  value: string,
  options: Dns01Options = {},
): Promise<void> {
  const resolved = resolveDns01Options(options);
  const name = challengeName(fqdn);
  checkValue(value);
  const dns = requireCapability(provider, 'dns');
  const target = await locateChallenge(provider, name, resolved);
  const signal = resolved.signal ? { signal: resolved.signal } : {};
  for (let written = 1; ; written++) {
    await serialized(provider, target, async () => {
      const current = await challengeValues(provider, target, resolved.signal);
      if (current.values.includes(value)) return;
      // An existing set keeps its TTL; `update` merges the value into it.
      const ttl = current.ttl === undefined ? { ttl: resolved.ttl } : {};
      await dns.update(target.zone, [{ type: 'TXT', name: target.name, content: value, ...ttl }], signal);
    });
    await waitForTxtAt(target.fqdn, value, { ...resolved, zone: target.zone });
    if ((await challengeValues(provider, target, resolved.signal)).values.includes(value)) return;
    if (written === WRITES) {
      throw new ConflictError(
        `The challenge value at ${target.fqdn} was removed again after each of ${WRITES} writes: another client rewrites that TXT set`,
        { provider: provider.name },
      );
    }
  }
}

/**
 * Removes `value` from the TXT set at `_acme-challenge.<name>` (or the CNAME's target), leaving every other
 * value. Safe to repeat: a value that is not there is not an error, and nothing else is touched.
 *
 * @throws {ValidationError} for a bad name, value or option.
 * @throws {NotFoundError} when the name is outside every zone the provider has.
 *
 * @example
 * ```ts
 * await cleanupDns01(provider, '*.example.com', digest);
 * ```
 */
export async function cleanupDns01(
  provider: Provider,
  fqdn: string,
  value: string,
  options: Dns01Options = {},
): Promise<void> {
  const resolved = resolveDns01Options(options);
  const name = challengeName(fqdn);
  checkValue(value);
  const dns = requireCapability(provider, 'dns');
  const target = await locateChallenge(provider, name, resolved);
  await serialized(provider, target, async () => {
    const current = await challengeValues(provider, target, resolved.signal);
    if (!current.values.includes(value)) return;
    await dns.delete(target.zone, target.name, 'TXT', {
      content: value,
      ...(resolved.signal ? { signal: resolved.signal } : {}),
    });
  });
}
