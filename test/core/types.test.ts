import { describe, expectTypeOf, it } from 'vitest';
import {
  requireCapability,
  type CatalogItem,
  type DataCenter,
  type DnsCapability,
  type DnsRecord,
  type DnsRecordInput,
  type Domain,
  type DomainAvailability,
  type DomainPurchaseRequest,
  type Provider,
  type ProviderConfig,
  type SshKey,
  type Subscription,
  type VirtualMachine,
  type CreateVirtualMachineRequest,
} from '../../src/index.js';

// These assertions are checked by `tsc --noEmit` (part of `npm test`); a wrong field name fails the build.
type Keys<T> = keyof T;

describe('core: public types', () => {
  it('requireCapability narrows a provider group to non-optional', () => {
    const use = (provider: Provider) => {
      const dns = requireCapability(provider, 'dns');
      expectTypeOf(dns).toEqualTypeOf<DnsCapability>();
      // @ts-expect-error dns is optional on Provider: using it without narrowing does not compile
      return provider.dns.list('example.com');
    };
    expectTypeOf(use).toBeFunction();
  });

  it('a provider without dns fails to compile where dns is used unguarded', () => {
    const dnsless: Provider = { name: 'x', displayName: 'X', testConnection: async () => {} };
    // @ts-expect-error the group may be missing
    const call = () => dnsless.dns.list('example.com');
    expectTypeOf(call).toBeFunction();
  });

  it('model field names are exactly the documented snake_case names', () => {
    expectTypeOf<Keys<DnsRecord>>().toEqualTypeOf<'id' | 'type' | 'name' | 'content' | 'ttl' | 'priority'>();
    expectTypeOf<Keys<DnsRecordInput>>().toEqualTypeOf<'type' | 'name' | 'content' | 'ttl' | 'priority'>();
    expectTypeOf<Keys<Domain>>().toEqualTypeOf<
      'name' | 'registrar' | 'status' | 'expires_at' | 'auto_renew' | 'locked' | 'privacy_protection' | 'nameservers'
    >();
    expectTypeOf<Keys<DomainAvailability>>().toEqualTypeOf<'domain' | 'available' | 'price' | 'currency'>();
    expectTypeOf<Keys<DomainPurchaseRequest>>().toEqualTypeOf<
      'domain' | 'period' | 'auto_renew' | 'privacy_protection' | 'payment_method_id'
    >();
    expectTypeOf<Keys<VirtualMachine>>().toEqualTypeOf<
      | 'id'
      | 'name'
      | 'status'
      | 'plan'
      | 'region'
      | 'ipv4'
      | 'ipv6'
      | 'os'
      | 'cpus'
      | 'memory_mb'
      | 'disk_gb'
      | 'bandwidth_gb'
      | 'created_at'
      | 'labels'
    >();
    expectTypeOf<Keys<CreateVirtualMachineRequest>>().toEqualTypeOf<
      | 'plan'
      | 'data_center_id'
      | 'template'
      | 'password'
      | 'hostname'
      | 'ssh_key_id'
      | 'payment_method_id'
      | 'user_data'
    >();
    expectTypeOf<Keys<DataCenter>>().toEqualTypeOf<'id' | 'name' | 'location' | 'country'>();
    expectTypeOf<Keys<SshKey>>().toEqualTypeOf<'id' | 'name' | 'fingerprint' | 'public_key'>();
    expectTypeOf<Keys<Subscription>>().toEqualTypeOf<
      'id' | 'name' | 'status' | 'plan' | 'price' | 'currency' | 'renews_at' | 'created_at' | 'period'
    >();
    expectTypeOf<Keys<CatalogItem>>().toEqualTypeOf<
      'id' | 'name' | 'category' | 'price_cents' | 'currency' | 'period' | 'description'
    >();
    expectTypeOf<Keys<ProviderConfig>>().toEqualTypeOf<'provider' | 'api_key' | 'api_secret' | 'extra' | 'connected'>();
  });

  it('ids are strings and optional model fields stay optional', () => {
    expectTypeOf<VirtualMachine['id']>().toBeString();
    expectTypeOf<VirtualMachine['ipv4']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<DnsRecordInput['ttl']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<DnsRecord['ttl']>().toBeNumber();
  });
});
