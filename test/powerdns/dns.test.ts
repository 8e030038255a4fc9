import { Resolver } from 'node:dns/promises';
import { beforeEach, expect, it } from 'vitest';
import { cleanupDns01, presentDns01 } from '../../src/acme/index.js';
import { AuthenticationError, ConflictError, NotFoundError, ValidationError } from '../../src/index.js';
import { createPowerDnsProvider } from '../../src/powerdns/index.js';
import { applyPlan, partialWriteOf, planZone } from '../../src/zone/index.js';
import { describeWithPdns, usePdnsServer } from '../support/pdns-server.js';

const ZONE = 'example.org';

describeWithPdns('PowerDNS adapter on a real pdns_server', () => {
  const server = usePdnsServer([ZONE]);
  let sent: Array<{ method: string; url: string; headers: Headers }> = [];
  const spy: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    sent.push({ method: request.method, url: request.url, headers: request.headers });
    return fetch(request);
  };
  const provider = () => createPowerDnsProvider({ apiKey: server().apiKey, baseUrl: server().apiUrl, fetch: spy });

  /** The zone as the server stores it: every rrset (contents sorted) and the SOA serial. */
  const rawZone = async () => {
    const response = await fetch(`${server().apiUrl}/api/v1/servers/localhost/zones/${ZONE}.`, {
      headers: { 'X-API-Key': server().apiKey },
    });
    const zone = (await response.json()) as {
      serial: number;
      rrsets: Array<{ name: string; type: string; ttl: number; records: Array<{ content: string }> }>;
    };
    const sets = zone.rrsets
      .map(
        (s) =>
          `${s.name} ${s.type} ${s.ttl} ${s.records
            .map((r) => r.content)
            .sort()
            .join(' | ')}`,
      )
      .sort();
    return { serial: zone.serial, sets };
  };
  const wire = async (name: string, type: string) =>
    (await rawZone()).sets.filter((s) => s.startsWith(`${name} ${type} `));

  beforeEach(async () => {
    sent = [];
    await provider().dns.reset(ZONE);
    sent = [];
  });

  it('sends the key only in X-API-Key and answers a wrong key with an AuthenticationError that does not show it', async () => {
    await provider().testConnection();
    expect(sent[0]!.headers.get('x-api-key')).toBe(server().apiKey);
    expect(sent[0]!.headers.has('authorization')).toBe(false);
    const wrong = createPowerDnsProvider({ apiKey: 'not-the-key-123', baseUrl: server().apiUrl });
    const error = await wrong.dns.list(ZONE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(String((error as Error).message) + (error as Error).stack).not.toContain('not-the-key-123');
  });

  it('writes names absolute, hosts with a trailing dot, MX/SRV priorities in front, TXT quoted with control bytes as \\DDD, CAA values quoted', async () => {
    const dns = provider().dns;
    await dns.update(ZONE, [
      { type: 'MX', name: '@', content: 'Mail.Example.org', priority: 10, ttl: 600 },
      { type: 'SRV', name: '_sip._tcp', content: '5 5060 sip.example.org', priority: 20, ttl: 600 },
      { type: 'CNAME', name: 'WWW', content: 'target.example.net.', ttl: 600 },
      { type: 'CAA', name: '@', content: '0 issue letsencrypt.org', ttl: 600 },
      { type: 'TXT', name: 'txt', content: 'say "hi";\ta\\b', ttl: 600 },
    ]);
    expect(await wire('example.org.', 'MX')).toEqual(['example.org. MX 600 10 mail.example.org.']);
    expect(await wire('_sip._tcp.example.org.', 'SRV')).toEqual([
      '_sip._tcp.example.org. SRV 600 20 5 5060 sip.example.org.',
    ]);
    expect(await wire('www.example.org.', 'CNAME')).toEqual(['www.example.org. CNAME 600 target.example.net.']);
    expect(await wire('example.org.', 'CAA')).toEqual(['example.org. CAA 600 0 issue "letsencrypt.org"']);
    expect(await wire('txt.example.org.', 'TXT')).toEqual(['txt.example.org. TXT 600 "say \\"hi\\";\\009a\\\\b"']);
    const listed = (await dns.list(ZONE)).filter((r) => r.type !== 'NS').map(({ id: _id, ...r }) => r);
    expect(listed).toEqual(
      expect.arrayContaining([
        { type: 'MX', name: '@', content: 'mail.example.org', ttl: 600, priority: 10 },
        { type: 'SRV', name: '_sip._tcp', content: '5 5060 sip.example.org', ttl: 600, priority: 20 },
        { type: 'CNAME', name: 'www', content: 'target.example.net', ttl: 600, priority: 0 },
        { type: 'CAA', name: '@', content: '0 issue letsencrypt.org', ttl: 600, priority: 0 },
        { type: 'TXT', name: 'txt', content: 'say "hi";\ta\\b', ttl: 600, priority: 0 },
      ]),
    );
    expect(listed).toHaveLength(5);
  });

  it('serves a TXT value over 255 bytes in DNS as the same bytes, split into strings of 255', async () => {
    const value = `v=${'x'.repeat(300)};"é"`;
    await provider().dns.create(ZONE, { type: 'TXT', name: '_long', content: value, ttl: 60 });
    const resolver = new Resolver();
    resolver.setServers([`127.0.0.1:${server().dnsPort}`]);
    const answers = await resolver.resolveTxt(`_long.${ZONE}`);
    expect(answers).toHaveLength(1);
    // The resolver hands each string's bytes over as latin1 characters.
    const strings = answers[0]!.map((s) => Buffer.from(s, 'latin1'));
    expect(strings.map((s) => s.length)).toEqual([255, Buffer.byteLength(value) - 255]);
    expect(Buffer.concat(strings).toString('utf8')).toBe(value);
    expect((await provider().dns.list(ZONE)).find((r) => r.name === '_long')?.content).toBe(value);
  });

  it('applies a 3-set plan with 2 requests: the re-read and one PATCH', async () => {
    const p = provider();
    await p.dns.create(ZONE, { type: 'A', name: 'old', content: '192.0.2.1', ttl: 300 });
    const desired = [
      { type: 'A' as const, name: 'new', content: '192.0.2.2', ttl: 300 },
      { type: 'TXT' as const, name: 'note', content: 'hello', ttl: 300 },
      { type: 'MX' as const, name: '@', content: 'mx.example.net', priority: 5, ttl: 300 },
    ];
    const plan = await planZone(p, ZONE, desired);
    expect(plan.changes).toHaveLength(4);
    sent = [];
    await applyPlan(p, plan);
    expect(sent.map((r) => r.method)).toEqual(['GET', 'PATCH']);
    const sets = (await rawZone()).sets.filter((s) => !/ (NS|SOA) /.test(s));
    expect(sets).toEqual([
      'example.org. MX 300 5 mx.example.net.',
      'new.example.org. A 300 192.0.2.2',
      'note.example.org. TXT 300 "hello"',
    ]);
  });

  it('leaves the zone exactly as it was, serial included, when PowerDNS refuses part of a change', async () => {
    const dns = provider().dns;
    await dns.create(ZONE, { type: 'A', name: 'host', content: '192.0.2.1', ttl: 300 });
    const before = await rawZone();
    // A CNAME beside the A already there: PowerDNS refuses the PATCH, after a valid set in the same body.
    const clash = await dns
      .writeSets(ZONE, {
        replace: [
          { name: 'fresh', type: 'A', ttl: 300, content: '192.0.2.9' },
          { name: 'host', type: 'CNAME', ttl: 300, content: 'elsewhere.example.net' },
        ],
        delete: [{ name: '@', type: 'NS' }],
      })
      .catch((e: unknown) => e);
    expect(clash).toBeInstanceOf(ConflictError);
    expect(await rawZone()).toEqual(before);
    // A mail host with an underscore passes the SDK's host name rule; PowerDNS refuses it as MX content.
    const refused = await dns
      .writeSets(ZONE, {
        replace: [
          { name: 'fresh', type: 'A', ttl: 300, content: '192.0.2.9' },
          { name: 'mx', type: 'MX', ttl: 300, content: '_mail.example.org', priority: 10 },
        ],
        delete: [{ name: 'host', type: 'A' }],
      })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as Error).message).toContain('non-hostname content');
    expect(await rawZone()).toEqual(before);
  });

  it('a plan PowerDNS refuses is not reported as partly written: its one PATCH changed nothing', async () => {
    const p = provider();
    await p.dns.create(ZONE, { type: 'A', name: 'www', content: '192.0.2.1', ttl: 300 });
    const before = await rawZone();
    const plan = await planZone(p, ZONE, [
      { type: 'A', name: 'www', content: '192.0.2.2', ttl: 300 },
      { type: 'MX', name: '@', content: '_bad.example.org', priority: 10, ttl: 300 },
    ]);
    const error = await applyPlan(p, plan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(partialWriteOf(error)).toBeUndefined();
    expect((error as Error).message).not.toMatch(/partly written/);
    expect(await rawZone()).toEqual(before);
  });

  it('reset keeps the SOA and the apex NS and removes every other set in one PATCH', async () => {
    const dns = provider().dns;
    await dns.update(ZONE, [
      { type: 'A', name: 'a', content: '192.0.2.1' },
      { type: 'TXT', name: '@', content: 'x' },
    ]);
    sent = [];
    await dns.reset(ZONE);
    expect(sent.map((r) => r.method)).toEqual(['GET', 'PATCH']);
    expect((await rawZone()).sets.map((s) => s.split(' ').slice(0, 2).join(' '))).toEqual([
      'example.org. NS',
      'example.org. SOA',
    ]);
  });

  /** A PATCH straight to the server, as another tool (pdnsutil, a web panel) would write. */
  const rawPatch = async (rrsets: unknown[]) => {
    const response = await fetch(`${server().apiUrl}/api/v1/servers/localhost/zones/${ZONE}.`, {
      method: 'PATCH',
      headers: { 'X-API-Key': server().apiKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ rrsets }),
    });
    expect(response.status).toBe(204);
  };

  it('reset also removes what the SDK does not list: other types, delegations, disabled records, comment-only sets', async () => {
    await rawPatch([
      {
        name: `_443._tcp.www.${ZONE}.`,
        type: 'TLSA',
        ttl: 300,
        changetype: 'REPLACE',
        records: [{ content: `3 1 1 ${'ab'.repeat(32)}`, disabled: false }],
      },
      {
        name: `sub.${ZONE}.`,
        type: 'NS',
        ttl: 300,
        changetype: 'REPLACE',
        records: [{ content: 'ns.elsewhere.example.', disabled: false }],
      },
      {
        name: `off.${ZONE}.`,
        type: 'A',
        ttl: 300,
        changetype: 'REPLACE',
        records: [{ content: '192.0.2.1', disabled: true }],
      },
      { name: `note.${ZONE}.`, type: 'TXT', changetype: 'REPLACE', comments: [{ content: 'reserved', account: '' }] },
    ]);
    sent = [];
    await provider().dns.reset(ZONE);
    expect(sent.map((r) => r.method)).toEqual(['GET', 'PATCH']);
    expect((await rawZone()).sets.map((s) => s.split(' ').slice(0, 2).join(' '))).toEqual([
      'example.org. NS',
      'example.org. SOA',
    ]);
  });

  /** The set `off A` with one disabled value (192.0.2.1) and one served (192.0.2.2), written past the SDK. */
  const seedOffSet = () =>
    rawPatch([
      {
        name: `off.${ZONE}.`,
        type: 'A',
        ttl: 300,
        changetype: 'REPLACE',
        records: [
          { content: '192.0.2.1', disabled: true },
          { content: '192.0.2.2', disabled: false },
        ],
      },
    ]);

  it('refuses to replace or delete a set holding a disabled record, naming it, and sends no write', async () => {
    await seedOffSet();
    const before = await rawZone();
    const dns = provider().dns;
    expect((await dns.list(ZONE)).filter((r) => r.name === 'off').map((r) => r.content)).toEqual(['192.0.2.2']);
    sent = [];
    const created = await dns.create(ZONE, { type: 'A', name: 'off', content: '192.0.2.3' }).catch((e: unknown) => e);
    expect(created).toBeInstanceOf(ConflictError);
    expect((created as Error).message).toContain('off A ("192.0.2.1")');
    // writeSets without a listing first: the zone is read to find the disabled record.
    const fresh = provider().dns;
    const replaced = await fresh.writeSets!(ZONE, {
      replace: [{ type: 'A', name: 'off', content: '192.0.2.4' }],
    }).catch((e: unknown) => e);
    expect(replaced).toBeInstanceOf(ConflictError);
    const current = await dns.list(ZONE);
    const plan = await planZone(
      provider(),
      ZONE,
      current.filter((r) => r.name !== 'off'),
    );
    expect(await applyPlan(provider(), plan, { force: true }).catch((e: unknown) => e)).toBeInstanceOf(ConflictError);
    expect(sent.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(await rawZone()).toEqual(before);
    // Other sets are written as usual.
    await dns.create(ZONE, { type: 'A', name: 'on', content: '192.0.2.5' });
    expect(await wire(`on.${ZONE}.`, 'A')).toEqual([`on.${ZONE}. A 14400 192.0.2.5`]);
  });

  it('refuses to delete a set holding a disabled record from a provider that has not listed the zone', async () => {
    await seedOffSet();
    const before = await rawZone();
    sent = [];
    const deleted = await provider()
      .dns.delete(ZONE, 'off', 'A')
      .catch((e: unknown) => e);
    expect(deleted).toBeInstanceOf(ConflictError);
    expect((deleted as Error).message).toContain('off A ("192.0.2.1")');
    const batch = await provider().dns.writeSets!(ZONE, { delete: [{ type: 'A', name: 'off' }] }).catch(
      (e: unknown) => e,
    );
    expect(batch).toBeInstanceOf(ConflictError);
    expect(sent.map((r) => r.method)).toEqual(['GET', 'GET']);
    expect(await rawZone()).toEqual(before);
  });

  it('lands every one of parallel creates from one provider (its writes go one at a time)', async () => {
    const dns = provider().dns;
    const names = Array.from({ length: 12 }, (_, i) => `par${i}`);
    await Promise.all(names.map((name, i) => dns.create(ZONE, { type: 'A', name, content: `192.0.2.${i + 1}` })));
    const listed = (await dns.list(ZONE)).filter((r) => r.name.startsWith('par')).map((r) => r.name);
    expect(listed.sort()).toEqual([...names].sort());
  });

  it('lands every value of parallel creates into one set through separate providers (as the REST API makes them)', async () => {
    const contents = Array.from({ length: 8 }, (_, i) => `192.0.2.${10 + i}`);
    await Promise.all(
      contents.map((content) => provider().dns.create(ZONE, { type: 'A', name: 'multi', content, ttl: 300 })),
    );
    expect(await wire('multi.example.org.', 'A')).toEqual([`multi.example.org. A 300 ${contents.join(' | ')}`]);
  });

  it('keeps both values when two ACME clients present at one name through separate providers at once', async () => {
    const options = { zone: ZONE, nameservers: [`127.0.0.1:${server().dnsPort}`], intervalMs: 50, timeoutMs: 20_000 };
    const [apex, wildcard] = [
      'apex-digest-0123456789abcdefghijklmnopqrstuv',
      'wildcard-digest-0123456789abcdefghijklmn',
    ];
    await Promise.all([
      presentDns01(provider(), ZONE, apex, options),
      presentDns01(provider(), `*.${ZONE}`, wildcard, options),
    ]);
    const challenge = async () =>
      (await provider().dns.list(ZONE))
        .filter((r) => r.name === '_acme-challenge')
        .map((r) => r.content)
        .sort();
    expect(await challenge()).toEqual([apex, wildcard]);
    await Promise.all([
      cleanupDns01(provider(), ZONE, apex, options),
      provider().dns.create(ZONE, { type: 'TXT', name: '_acme-challenge', content: 'third' }),
    ]);
    expect(await challenge()).toEqual(['third', wildcard]);
  });

  it('answers a zone the server does not have, or another server id, with a NotFoundError', async () => {
    const missing = await provider()
      .dns.list('missing.example')
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as Error).message).toBe(
      'No zone missing.example on PowerDNS server "localhost": create it there first (pdnsutil create-zone missing.example, or POST /api/v1/servers/localhost/zones)',
    );
    await expect(
      provider().dns.create('missing.example', { type: 'A', name: 'www', content: '192.0.2.1' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const other = createPowerDnsProvider({ apiKey: server().apiKey, baseUrl: server().apiUrl, serverId: 'other' });
    await expect(other.testConnection()).rejects.toBeInstanceOf(NotFoundError);
  });
});
