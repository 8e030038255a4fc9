/**
 * A small authoritative DNS server on 127.0.0.1 (UDP) that answers from a provider's live DNS listing, so
 * DNS-01 propagation checks run against what the SDK wrote, without the internet. It answers TXT, CNAME and
 * SOA queries for the zones it is given (NODATA for other types), REFUSED outside them, and, when `silent`,
 * nothing at all (a server that never answers).
 */
import { createSocket, type Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import type { Provider } from '../../src/core/provider.js';

const TYPES = { SOA: 6, CNAME: 5, TXT: 16 } as const;

export interface ZoneDnsServer {
  /** `127.0.0.1:<port>`, for the `nameservers` option. */
  address: string;
  /** Queries received, as `name TYPE`. */
  queries: string[];
  stop(): Promise<void>;
}

function readName(msg: Buffer, offset: number): { name: string; end: number } {
  const labels: string[] = [];
  let at = offset;
  while (msg[at]! !== 0) {
    const length = msg[at]!;
    labels.push(msg.subarray(at + 1, at + 1 + length).toString('latin1'));
    at += length + 1;
  }
  return { name: labels.join('.').toLowerCase(), end: at + 1 };
}

function encodeName(name: string): Buffer {
  const parts = name
    .split('.')
    .filter(Boolean)
    .map((label) => {
      const bytes = Buffer.from(label, 'latin1');
      return Buffer.concat([Buffer.from([bytes.length]), bytes]);
    });
  return Buffer.concat([...parts, Buffer.from([0])]);
}

function record(type: number, ttl: number, rdata: Buffer): Buffer {
  const head = Buffer.alloc(12);
  head.writeUInt16BE(0xc00c, 0); // the question's name
  head.writeUInt16BE(type, 2);
  head.writeUInt16BE(1, 4);
  head.writeUInt32BE(ttl, 6);
  head.writeUInt16BE(rdata.length, 10);
  return Buffer.concat([head, rdata]);
}

function txtData(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length || i === 0; i += 255) {
    const part = bytes.subarray(i, i + 255);
    chunks.push(Buffer.from([part.length]), part);
  }
  return Buffer.concat(chunks);
}

function soaData(zone: string): Buffer {
  const numbers = Buffer.alloc(20);
  [1, 3600, 600, 86400, 60].forEach((n, i) => numbers.writeUInt32BE(n, i * 4));
  return Buffer.concat([encodeName(`ns1.${zone}`), encodeName(`hostmaster.${zone}`), numbers]);
}

async function answer(provider: Provider, zones: string[], msg: Buffer, log: string[], soa: boolean): Promise<Buffer> {
  const { name, end } = readName(msg, 12);
  const qtype = msg.readUInt16BE(end);
  log.push(`${name} ${Object.entries(TYPES).find(([, n]) => n === qtype)?.[0] ?? qtype}`);
  const zone = zones.filter((z) => name === z || name.endsWith(`.${z}`)).sort((a, b) => b.length - a.length)[0];
  const rrs: Buffer[] = [];
  let rcode = 0;
  if (zone === undefined) rcode = 5;
  else {
    const relative = name === zone ? '@' : name.slice(0, -(zone.length + 1));
    const records = (await provider.dns!.list(zone)).filter((r) => r.name.toLowerCase() === relative);
    const cname = records.find((r) => r.type === 'CNAME');
    if (qtype === TYPES.SOA && relative === '@' && soa) rrs.push(record(TYPES.SOA, 60, soaData(zone)));
    else if (cname) rrs.push(record(TYPES.CNAME, cname.ttl, encodeName(cname.content)));
    else if (qtype === TYPES.TXT)
      for (const r of records.filter((x) => x.type === 'TXT')) rrs.push(record(TYPES.TXT, r.ttl, txtData(r.content)));
    else if (
      records.length === 0 &&
      relative !== '@' &&
      !(await provider.dns!.list(zone)).some((r) => r.name.toLowerCase().endsWith(`.${relative}`))
    )
      rcode = 3;
  }
  const header = Buffer.alloc(12);
  header.writeUInt16BE(msg.readUInt16BE(0), 0);
  header.writeUInt16BE(0x8400 | (msg.readUInt16BE(2) & 0x0100) | rcode, 2); // QR, AA, RD copied
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(rrs.length, 6);
  return Buffer.concat([header, msg.subarray(12, end + 4), ...rrs]);
}

/**
 * Starts the server on a free port; `zones` are the names it is authoritative for. `silent` never answers;
 * `soa: false` answers no SOA (so a zone cannot be found through it).
 */
export async function startZoneDnsServer(
  provider: Provider,
  zones: string[],
  options: { silent?: boolean; soa?: boolean } = {},
): Promise<ZoneDnsServer> {
  const socket: Socket = createSocket('udp4');
  const queries: string[] = [];
  socket.on('message', (msg, peer) => {
    if (options.silent) return;
    answer(provider, zones, msg, queries, options.soa ?? true).then(
      (reply) => socket.send(reply, peer.port, peer.address),
      () => undefined,
    );
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    queries,
    stop: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
