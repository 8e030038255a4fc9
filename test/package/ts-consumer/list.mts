// The same script as an ES module (top-level await), for ts-node's ESM loader and tsx.
import { createHostingerProvider } from 'setec-hosting/hostinger';
import { createHostingerSimulator } from 'setec-hosting/testing';

const sim = createHostingerSimulator();
const provider = createHostingerProvider({ apiKey: sim.token, baseUrl: await sim.listen() });
const records = await provider.dns.list('example.com');
const types: string[] = [...new Set(records.map((r) => r.type))].sort();
console.log(`${records.length} records: ${types.join(' ')}`);
await sim.close();
