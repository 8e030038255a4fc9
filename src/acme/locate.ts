import type { Provider } from '../core/provider.js';
import { NotFoundError, ValidationError, isNotFoundError } from '../core/errors.js';
import { requireCapability } from '../core/provider.js';
import { isInZone, parentNames, relativeName } from './names.js';
import type { ResolvedDns01Options } from './options.js';
import { quietly, resolverFor, toServers, type DnsServer } from './resolver.js';

/** Where a challenge record is written. */
export interface ChallengeTarget {
  /** The name the TXT record is written at (the CNAME's target when the challenge name is delegated). */
  fqdn: string;
  /** The provider's zone holding it. */
  zone: string;
  /** `fqdn` relative to `zone`. */
  name: string;
}

const MAX_CNAME_HOPS = 8;

async function lookupServers(options: ResolvedDns01Options): Promise<DnsServer[] | undefined> {
  return options.nameservers ? toServers(options.nameservers) : undefined;
}

/** Follows CNAMEs of the challenge name in DNS (delegated validation), at most a few hops. */
async function followCname(fqdn: string, servers: DnsServer[] | undefined): Promise<string> {
  const resolver = resolverFor(servers);
  let name = fqdn;
  for (let hop = 0; hop < MAX_CNAME_HOPS; hop++) {
    const targets = await quietly(resolver.resolveCname(name));
    if (!targets || targets.length === 0) return name;
    name = targets[0]!.toLowerCase().replace(/\.$/, '');
  }
  return name;
}

/** The zone of `fqdn` from SOA lookups up the tree: the closest name that has an SOA. */
async function zoneFromSoa(fqdn: string, servers: DnsServer[] | undefined): Promise<string | undefined> {
  const resolver = resolverFor(servers);
  for (const candidate of parentNames(fqdn)) {
    if (await quietly(resolver.resolveSoa(candidate))) return candidate;
  }
  return undefined;
}

/** The closest enclosing name the provider holds as a zone (its listing answers rather than NotFound). */
async function zoneFromProvider(
  provider: Provider,
  fqdn: string,
  options: ResolvedDns01Options,
): Promise<string | undefined> {
  const dns = requireCapability(provider, 'dns');
  for (const candidate of parentNames(fqdn)) {
    try {
      await dns.list(candidate, options.signal ? { signal: options.signal } : {});
      return candidate;
    } catch (error) {
      if (!isNotFoundError(error) && !(error instanceof ValidationError)) throw error;
    }
  }
  return undefined;
}

/**
 * Finds where the challenge record for `fqdn` goes: the CNAME target when `fqdn` is delegated, in the `zone`
 * option, else the zone found from SOA lookups, else the closest zone the provider holds.
 * @throws {NotFoundError} when the name is outside every zone the provider has (nothing is written).
 */
export async function locateChallenge(
  provider: Provider,
  fqdn: string,
  options: ResolvedDns01Options,
): Promise<ChallengeTarget> {
  const servers = await lookupServers(options);
  const target = await followCname(fqdn, servers);
  const zone =
    options.zone?.toLowerCase().replace(/\.$/, '') ??
    (await zoneFromSoa(target, servers)) ??
    (await zoneFromProvider(provider, target, options));
  if (zone === undefined || !isInZone(target, zone)) {
    throw new NotFoundError(
      zone === undefined ? `no zone of ${provider.name} holds ${target}` : `${target} is not inside the zone ${zone}`,
      { provider: provider.name },
    );
  }
  return { fqdn: target, zone, name: relativeName(target, zone) };
}
