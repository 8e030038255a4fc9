/**
 * A CPU-profile target for the zone bench, from `src/` (readable function names): `parseZoneFile` of the
 * 100,000-record file, or (`PROFILE_TARGET=plan`) `planZone` of 10,000 records against 10,000.
 *
 *   node --import tsx --cpu-prof --cpu-prof-dir .tmp/prof bench/profile-zone.ts
 *   node bench/profile-summary.mjs .tmp/prof/<file>.cpuprofile
 */
import { createMemoryProvider } from '../src/testing/index.js';
import { parseZoneFile, planZone } from '../src/zone/index.js';
import { planInputs, zoneText } from './zone-text.js';

const target = process.env.PROFILE_TARGET ?? 'parse';
const rounds = Number(process.env.PROFILE_ROUNDS ?? (target === 'plan' ? 30 : 5));
const times: number[] = [];
if (target === 'plan') {
  const { zone, desired } = planInputs();
  const provider = createMemoryProvider({ zones: { 'bench.example': zone } });
  for (let r = 0; r < rounds; r++) {
    const start = process.cpuUsage();
    await planZone(provider, 'bench.example', desired);
    const { user, system } = process.cpuUsage(start);
    times.push((user + system) / 1000);
  }
} else {
  const text = zoneText(100_000);
  for (let r = 0; r < rounds; r++) {
    const start = process.cpuUsage();
    parseZoneFile(text);
    const { user, system } = process.cpuUsage(start);
    times.push((user + system) / 1000);
  }
}
const sorted = [...times].sort((a, b) => a - b);
console.log(`${target}: ${times.map((t) => t.toFixed(0)).join(' ')} ms; median ${sorted[rounds >> 1]?.toFixed(1)} ms`);
