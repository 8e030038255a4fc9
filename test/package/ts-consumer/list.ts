// A consumer's script run by ts-node as CommonJS: lists a zone of the seeded Hostinger simulator.
import { createHostingerProvider } from 'setec-hosting/hostinger';
import { createHostingerSimulator } from 'setec-hosting/testing';

async function main(): Promise<void> {
  const sim = createHostingerSimulator();
  const provider = createHostingerProvider({ apiKey: sim.token, baseUrl: await sim.listen() });
  const records = await provider.dns.list('example.com');
  const types: string[] = [...new Set(records.map((r) => r.type))].sort();
  console.log(`${records.length} records: ${types.join(' ')}`);
  await sim.close();
}
void main();
