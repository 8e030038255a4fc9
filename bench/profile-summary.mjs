// Summarises a .cpuprofile (node --cpu-prof): self time per function and inclusive time of chosen
// functions (the steps of dns.list), as a share of all sampled time.  node bench/profile-summary.mjs <file>
import { readFileSync } from 'node:fs';

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const hits = new Map();
const deltas = profile.timeDeltas;
profile.samples.forEach((id, i) => hits.set(id, (hits.get(id) ?? 0) + (deltas[i] ?? 0)));
const total = [...hits.values()].reduce((a, b) => a + b, 0);
const label = (n) => {
  const f = n.callFrame;
  const file = f.url.replace(/^.*\/(node_modules\/[^/]+|src|bench)\//, '$1/');
  return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
};
const self = new Map();
const inclusive = new Map();
for (const [id, t] of hits) {
  const node = byId.get(id);
  self.set(label(node), (self.get(label(node)) ?? 0) + t);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur));
    if (seen.has(l)) continue; // recursion counted once
    seen.add(l);
    inclusive.set(l, (inclusive.get(l) ?? 0) + t);
  }
}
const pct = (t) => `${((100 * t) / total).toFixed(1)}%`;
console.log(`sampled ${(total / 1000).toFixed(0)} ms`);
console.log('\ntop self time');
for (const [l, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${pct(t).padStart(6)}  ${l}`);
console.log('\ninclusive time of steps');
const wanted =
  /^(list|getZone|request|send|#parse|parseWire|zoneIssue|recordsFromZone|splitPriority|plainContent|assignRecordIds|hex|parseTxt|hostname|garbage collector|\(garbage collector\)|text|json|fetch|_fetch|ky) /;
for (const [l, t] of [...inclusive]
  .filter(([l]) => wanted.test(l) && !l.includes('node:'))
  .sort((a, b) => b[1] - a[1])
  .slice(0, 30))
  console.log(`  ${pct(t).padStart(6)}  ${l}`);
