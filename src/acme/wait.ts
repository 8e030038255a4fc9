import { TimeoutError } from '../core/errors.js';
import { challengeName, checkValue, parentNames } from './names.js';
import { resolveDns01Options, type Dns01Options, type ResolvedDns01Options } from './options.js';
import { quietly, resolverFor, toServers, txtAt, type DnsServer } from './resolver.js';

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const timer = setTimeout(done, ms);
    function done(): void {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort(): void {
      clearTimeout(timer);
      reject(abortError(signal!));
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** `work`, or the signal's reason as soon as it aborts (a query in flight is left to time out). */
function untilAborted<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError(signal));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The zone's authoritative nameservers, found through the system's resolver. */
async function authoritativeServers(fqdn: string, zone: string | undefined): Promise<DnsServer[]> {
  const resolver = resolverFor();
  const candidates = zone ? [zone] : parentNames(fqdn);
  for (const candidate of candidates) {
    const hosts = await quietly(resolver.resolveNs(candidate));
    if (hosts && hosts.length > 0) {
      const servers = await Promise.all(hosts.map((host) => quietly(toServers([host]))));
      return servers.flatMap((list) => list ?? []);
    }
  }
  return [];
}

/**
 * Resolves once every authoritative nameserver of the zone (or every `nameservers` entry) answers `value`
 * in the TXT set at the challenge name, asking each server directly every `intervalMs`.
 *
 * @param fqdn The domain (`example.com`, `*.example.com`) or the challenge name itself.
 * @throws {TimeoutError} after `timeoutMs`, naming the servers that did not answer the value.
 *
 * @example
 * ```ts
 * await waitForTxt('example.com', digest, { nameservers: ['ns1.example.net'], timeoutMs: 60_000 });
 * ```
 */
export async function waitForTxt(fqdn: string, value: string, options: Dns01Options = {}): Promise<void> {
  const resolved = resolveDns01Options(options);
  await waitForTxtAt(challengeName(fqdn), checkValue(value), resolved);
}

/** {@link waitForTxt} at exactly `name` (the challenge name or its CNAME target), with checked options. */
export async function waitForTxtAt(name: string, value: string, resolved: ResolvedDns01Options): Promise<void> {
  const deadline = Date.now() + resolved.timeoutMs;
  const servers = resolved.nameservers
    ? await toServers(resolved.nameservers)
    : await authoritativeServers(name, resolved.zone);
  const pending = new Map<string, { server: DnsServer; last: string }>();
  for (const server of servers) pending.set(server.address, { server, last: 'not asked' });
  if (pending.size === 0) {
    throw new TimeoutError(`no authoritative nameserver of ${name} could be found to check the challenge value`);
  }
  for (;;) {
    if (resolved.signal?.aborted) throw abortError(resolved.signal);
    const round = Promise.all(
      [...pending.values()].map(async (entry) => {
        const answer = await txtAt(resolverFor([entry.server], deadline - Date.now()), name);
        if (Array.isArray(answer) && answer.includes(value)) pending.delete(entry.server.address);
        else entry.last = Array.isArray(answer) ? (answer.length === 0 ? 'no TXT record' : 'other values') : answer;
      }),
    );
    await untilAborted(round, resolved.signal);
    if (pending.size === 0) return;
    const left = deadline - Date.now();
    if (left <= 0) {
      const names = [...pending.values()].map((e) => `${e.server.label} (${e.last})`).join(', ');
      throw new TimeoutError(
        `the challenge value at ${name} was not answered within ${resolved.timeoutMs} ms by: ${names}`,
      );
    }
    await sleep(Math.min(resolved.intervalMs, left), resolved.signal);
  }
}
