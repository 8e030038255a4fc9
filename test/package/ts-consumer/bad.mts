// Must fail to type-check (a number where a domain name goes): proves the package's types were found.
import { createHostingerProvider } from 'setec-hosting/hostinger';

const provider = createHostingerProvider({ apiKey: 'k' });
export const listing = provider.dns.list(42);
