/**
 * The generated zones of `bench/zone-scale.bench.ts`, shared with `bench/profile-zone.ts`.
 */
import type { DnsRecordInput } from 'setec-hosting';

/** A zone file of `n` records (A, AAAA, MX, two-string TXT, CNAME, SRV) after an SOA and an NS. */
export function zoneText(n: number): string {
  const lines = [
    '$ORIGIN bench.example.',
    '$TTL 3600',
    '@ SOA ns1 hostmaster 1 7200 3600 1209600 300',
    '@ NS ns1',
    'ns1 A 192.0.2.1',
  ];
  for (let i = 0; lines.length - 3 < n; i++) {
    const h = `host${i}`;
    const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    switch (i % 6) {
      case 0:
        lines.push(`${h} A ${ip}`);
        break;
      case 1:
        lines.push(`${h} 300 IN AAAA 2001:db8::${(i & 0xffff).toString(16)}`);
        break;
      case 2:
        lines.push(`${h} MX 10 mail${i}.bench.example.`);
        break;
      case 3:
        lines.push(`${h} TXT "v=spf1 ip4:${ip} -all" "id=${i}"`);
        break;
      case 4:
        lines.push(`${h} CNAME target${i}.example.net.`);
        break;
      default:
        lines.push(`_sip._tcp.${h} SRV 10 5 5060 sip${i}.bench.example.`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A 10,000-record zone of A records, and the desired state with every hundredth address changed. */
export function planInputs(): { zone: DnsRecordInput[]; desired: DnsRecordInput[] } {
  const zone: DnsRecordInput[] = Array.from({ length: 10_000 }, (_, i) => ({
    type: 'A' as const,
    name: `h${i}`,
    content: `10.0.${i >> 8}.${i & 255}`,
    ttl: 3600,
  }));
  const desired = zone.map((r, i) => (i % 100 === 0 ? { ...r, content: `192.0.2.${(i / 100) % 250}` } : r));
  return { zone, desired };
}
