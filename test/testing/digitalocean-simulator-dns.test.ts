import { describe, expect, it } from 'vitest';
import { hostingerCall } from '../support/hostinger-call.js';
import { useDigitalOceanServer } from '../support/msw.js';

// Through msw: every request and answer here is checked against DigitalOcean's spec when DIGITALOCEAN_OPENAPI is set.
const { sim, baseUrl, allowInvalidRequests } = useDigitalOceanServer();
const call = hostingerCall(baseUrl);

describe('testing: DigitalOcean simulator, DNS', () => {
  it('lists the SOA and the apex NS records as records, in the list envelope', async () => {
    const { status, body } = await call('GET', '/v2/domains/example.com/records?per_page=200');
    expect(status).toBe(200);
    const apex = body.domain_records.filter((r: { name: string }) => r.name === '@');
    expect(apex.filter((r: { type: string }) => r.type === 'SOA')).toHaveLength(1);
    expect(apex.filter((r: { type: string }) => r.type === 'NS').map((r: { data: string }) => r.data)).toEqual([
      'ns1.digitalocean.com',
      'ns2.digitalocean.com',
      'ns3.digitalocean.com',
    ]);
    expect(body.meta.total).toBe(body.domain_records.length);
    expect(body.links).toEqual({});
  });

  it('pages with absolute links.pages.next until the last page, keeping per_page', async () => {
    const seen: number[] = [];
    let url: string | undefined = `${baseUrl}/v2/domains/example.com/records?per_page=4`;
    let pages = 0;
    while (url) {
      const { body }: { body: any } = await call('GET', url.slice(baseUrl.length));
      seen.push(...body.domain_records.map((r: { id: number }) => r.id));
      url = body.links.pages?.next;
      if (url) expect(new URL(url).searchParams.get('per_page')).toBe('4');
      pages += 1;
    }
    const all = await call('GET', '/v2/domains/example.com/records?per_page=200');
    expect(pages).toBe(Math.ceil(all.body.meta.total / 4));
    expect(seen).toEqual(all.body.domain_records.map((r: { id: number }) => r.id));
  });

  it('refuses per_page over 200', async () => {
    allowInvalidRequests();
    const { status, body } = await call('GET', '/v2/domains/example.com/records?per_page=201');
    expect(status).toBe(400);
    expect(body.id).toBe('bad_request');
  });

  it('filters records by FQDN name and type', async () => {
    const { body } = await call('GET', '/v2/domains/example.com/records?name=app.example.com&type=A');
    expect(body.domain_records.map((r: { data: string }) => r.data)).toEqual(['203.0.113.20', '203.0.113.21']);
    const relative = await call('GET', '/v2/domains/example.com/records?name=app');
    expect(relative.body.domain_records).toEqual([]);
  });

  it('wants hostnames in data with a trailing dot and hands them back without it', async () => {
    const bare = await call('POST', '/v2/domains/example.com/records', {
      type: 'CNAME',
      name: 'docs',
      data: 'target.example.net',
    });
    expect(bare.status).toBe(422);
    expect(bare.body).toMatchObject({ id: 'unprocessable_entity', message: 'Data needs to end with a dot (.)' });
    const ok = await call('POST', '/v2/domains/example.com/records', {
      type: 'MX',
      name: '@',
      data: 'mx3.example.net.',
      priority: 30,
      ttl: 600,
    });
    expect(ok.status).toBe(201);
    expect(ok.body.domain_record).toMatchObject({ type: 'MX', name: '@', data: 'mx3.example.net', priority: 30 });
  });

  it('reads an absolute name with a trailing dot as the relative one', async () => {
    const { body } = await call('POST', '/v2/domains/example.com/records', {
      type: 'A',
      name: 'api.example.com.',
      data: '192.0.2.9',
    });
    expect(body.domain_record).toMatchObject({ name: 'api', ttl: 1800 });
  });

  it('checks each type by its own rules (SRV needs priority, weight and port; CAA flags and tag)', async () => {
    const srv = await call('POST', '/v2/domains/example.com/records', {
      type: 'SRV',
      name: '_xmpp._tcp',
      data: 'xmpp.example.com.',
      priority: 5,
      port: 5222,
    });
    expect(srv.status).toBe(422);
    expect(srv.body.message).toMatch(/weight/);
    const caa = await call('POST', '/v2/domains/example.com/records', {
      type: 'CAA',
      name: '@',
      data: 'pki.goog.',
      flags: 0,
      tag: 'issuewild',
    });
    expect(caa.status).toBe(201);
    expect(caa.body.domain_record).toMatchObject({ data: 'pki.goog', flags: 0, tag: 'issuewild' });
  });

  it('refuses a CNAME next to other records of the same name', async () => {
    const { status, body } = await call('POST', '/v2/domains/example.com/records', {
      type: 'CNAME',
      name: 'app',
      data: 'example.com.',
    });
    expect(status).toBe(422);
    expect(body.message).toMatch(/CNAME/);
  });

  it('PUT sets the whole record, PATCH only what it names', async () => {
    const id = sim.state.domains.get('example.com')!.records.find((r) => r.name === 'www')!.id;
    const partialPut = await call('PUT', `/v2/domains/example.com/records/${id}`, { type: 'CNAME', ttl: 600 });
    expect(partialPut.status).toBe(422);
    const patch = await call('PATCH', `/v2/domains/example.com/records/${id}`, { type: 'CNAME', ttl: 600 });
    expect(patch.body.domain_record).toMatchObject({ name: 'www', data: 'example.com', ttl: 600 });
    const put = await call('PUT', `/v2/domains/example.com/records/${id}`, {
      type: 'CNAME',
      name: 'www',
      data: 'cdn.example.net.',
      ttl: 300,
    });
    expect(put.body.domain_record).toMatchObject({ id, data: 'cdn.example.net', ttl: 300 });
  });

  it('answers a record DELETE with 204, an empty body and a JSON content type; SOA cannot be deleted', async () => {
    const zone = sim.state.domains.get('example.com')!;
    const txt = zone.records.find((r) => r.name === '_dmarc')!;
    const response = await fetch(`${baseUrl}/v2/domains/example.com/records/${txt.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${sim.token}` },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.text()).toBe('');
    expect(zone.records.some((r) => r.id === txt.id)).toBe(false);
    const soa = zone.records.find((r) => r.type === 'SOA')!;
    expect((await call('DELETE', `/v2/domains/example.com/records/${soa.id}`)).status).toBe(422);
  });

  it('creates a zone with the SOA and apex NS, and serves its zone file', async () => {
    const created = await call('POST', '/v2/domains', { name: 'new-zone.dev', ip_address: '192.0.2.50' });
    expect(created.status).toBe(201);
    expect(created.body.domain).toEqual({ name: 'new-zone.dev', ttl: 1800, zone_file: null });
    const { body } = await call('GET', '/v2/domains/new-zone.dev');
    expect(body.domain.zone_file).toContain('new-zone.dev. IN SOA ns1.digitalocean.com.');
    expect(body.domain.zone_file).toContain('new-zone.dev. 1800 IN A 192.0.2.50');
    const records = await call('GET', '/v2/domains/new-zone.dev/records');
    expect(records.body.domain_records.map((r: { type: string }) => r.type)).toEqual(['SOA', 'NS', 'NS', 'NS', 'A']);
  });

  it('answers 404 not_found for a zone outside the account', async () => {
    const { status, body } = await call('GET', '/v2/domains/not-mine.org/records');
    expect(status).toBe(404);
    expect(body).toMatchObject({ id: 'not_found', message: expect.any(String), request_id: expect.any(String) });
  });
});
