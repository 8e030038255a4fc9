import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileConfigStore } from '../../src/config/file-store.js';
import { ProviderRegistry } from '../../src/core/registry.js';
import { hostinger } from '../../src/hostinger/index.js';
import { registerBillingRoutes } from '../../src/http/billing.js';
import type { RouteContext } from '../../src/http/context.js';
import { registerDnsRoutes } from '../../src/http/dns.js';
import { registerDomainRoutes } from '../../src/http/domains.js';
import { createHostingHandler, HOSTING_BASE_PATH } from '../../src/http/index.js';
import { routeTableMarkdown } from '../../src/http/openapi.js';
import { registerProviderRoutes } from '../../src/http/providers.js';
import { registerSshKeyRoutes } from '../../src/http/ssh-keys.js';
import { registerVpsRoutes } from '../../src/http/vps.js';
import { createHostingerSimulator, type HostingerSimulator } from '../../src/testing/index.js';
import { SECRET, token } from './helpers.js';

const README = new URL('../../README.md', import.meta.url);
const START = '<!-- routes:start -->';
const END = '<!-- routes:end -->';

let sim: HostingerSimulator;
let simUrl: string;
let dir: string;
let handler: (r: Request) => Promise<Response>;
let jwt: string;
let doc: any;
const ajv = new Ajv2020({ strict: false, allErrors: true });
const checked = new Set<string>();

async function call(method: string, path: string, body?: unknown) {
  const response = await handler(
    new Request(`http://localhost${HOSTING_BASE_PATH}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${jwt}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  return { status: response.status, json: await response.json() };
}

/** Sends a request and checks its answer against the document's schema for that route and status. */
async function conforming(method: string, template: string, path: string, body?: unknown) {
  const { status, json } = await call(method, path, body);
  const responses = doc.paths[`${HOSTING_BASE_PATH}${template}`][method.toLowerCase()].responses;
  let response = responses[String(status)];
  expect(response, `${method} ${path} answered ${status}: ${JSON.stringify(json)}`).toBeDefined();
  if (response.$ref) response = doc.components.responses[response.$ref.split('/').pop()];
  const pointer = `${HOSTING_BASE_PATH}${template}`.replace(/~/g, '~0').replace(/\//g, '~1');
  const ref = response.content['application/json'].schema.$ref
    ? response.content['application/json'].schema.$ref
    : `#/paths/${pointer}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
  const valid = ajv.validate({ $ref: `openapi.json${ref}` }, json);
  expect(valid, `${method} ${path}: ${ajv.errorsText()}`).toBe(true);
  checked.add(`${method} ${template} ${status}`);
  return json;
}

beforeAll(async () => {
  sim = createHostingerSimulator();
  simUrl = await sim.listen();
  dir = await mkdtemp(join(tmpdir(), 'setec-openapi-'));
  const registry = new ProviderRegistry();
  registry.registerProvider(hostinger);
  handler = createHostingHandler({
    store: new FileConfigStore(dir),
    registry,
    auth: { jwtSecret: SECRET },
    allowUnsafeBaseUrl: true,
  });
  jwt = await token();
  doc = (await call('GET', '/openapi.json')).json;
  ajv.addSchema(doc, 'openapi.json');
  await call('POST', '/providers/hostinger/configure', { api_key: sim.token, extra: { base_url: simUrl } });
});

afterAll(async () => {
  await sim?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('http: GET /api/hosting/openapi.json', () => {
  it('is an OpenAPI 3.1 document served under the same auth as the API', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const anonymous = await handler(new Request(`http://localhost${HOSTING_BASE_PATH}/openapi.json`));
    expect(anonymous.status).toBe(401);
  });

  it('names every route the handler serves, and no other', () => {
    const app = new Hono().basePath(HOSTING_BASE_PATH);
    const ctx = {} as RouteContext;
    for (const register of [
      registerProviderRoutes,
      registerDnsRoutes,
      registerDomainRoutes,
      registerVpsRoutes,
      registerSshKeyRoutes,
      registerBillingRoutes,
    ]) {
      register(app, ctx);
    }
    const served = app.routes.map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    served.push(`GET ${HOSTING_BASE_PATH}/openapi.json`);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops as object).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(served.sort());
  });

  it('describes request bodies with the schemas the handler validates with', async () => {
    const configure =
      doc.paths[`${HOSTING_BASE_PATH}/providers/{provider}/configure`].post.requestBody.content['application/json']
        .schema;
    expect(configure.required).toEqual(['api_key']);
    expect(configure.additionalProperties).toBe(false);
    // What the schema refuses, the handler refuses too.
    const { status, json } = await call('POST', '/providers/hostinger/configure', { api_key: 'k', apikey: 'k' });
    expect(status).toBe(400);
    expect(ajv.validate(configure, { api_key: 'k', apikey: 'k' })).toBe(false);
    expect(json.fields).toEqual({ apikey: ['is not allowed'] });
  });

  it('states the TTL and priority bounds the handler enforces, and refuses what is outside them', async () => {
    const record =
      doc.paths[`${HOSTING_BASE_PATH}/providers/{provider}/dns/{domain}`].post.requestBody.content['application/json']
        .schema;
    expect(record.properties.ttl).toMatchObject({ type: 'integer', minimum: 60, maximum: 2147483647 });
    expect(record.properties.priority).toMatchObject({ type: 'integer', minimum: 0, maximum: 65535 });
    const before = sim.requests.length;
    for (const bad of [{ ttl: 59 }, { ttl: 2147483648 }, { priority: -1 }, { priority: 65536 }]) {
      const body = { type: 'MX', name: '@', content: 'mx.example.com', ...bad };
      expect(ajv.validate(record, body), JSON.stringify(bad)).toBe(false);
      expect((await call('POST', '/providers/hostinger/dns/example.com', body)).status, JSON.stringify(bad)).toBe(400);
    }
    expect(sim.requests.length).toBe(before);
  });

  it('lists the record types for the DNS delete query, and a server to send requests to', () => {
    const query = doc.paths[`${HOSTING_BASE_PATH}/providers/{provider}/dns/{domain}`].delete.parameters;
    const type = query.find((p: { name: string }) => p.name === 'type');
    expect(type).toMatchObject({ in: 'query', required: true });
    expect(type.schema.enum).toEqual(['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'SRV', 'CAA']);
    expect(doc.servers).toEqual([{ url: '/', description: expect.any(String) }]);
  });

  it('lists for each operation only the errors it can answer', () => {
    const errors = (method: string, path: string) =>
      Object.keys(doc.paths[`${HOSTING_BASE_PATH}${path}`][method].responses).filter((s) => Number(s) >= 400);
    expect(errors('get', '/openapi.json')).toEqual(['401']);
    expect(errors('get', '/providers')).toEqual(['401', '500']);
    expect(errors('post', '/providers/{provider}/configure')).toEqual([
      '400',
      '401',
      '403',
      '404',
      '413',
      '415',
      '500',
    ]);
    expect(errors('post', '/providers/{provider}/test')).toEqual([
      '400',
      '401',
      '403',
      '404',
      '413',
      '415',
      '422',
      '429',
      '500',
      '502',
    ]);
    expect(errors('get', '/providers/{provider}/dns/{domain}')).toEqual([
      '400',
      '401',
      '404',
      '422',
      '429',
      '500',
      '501',
      '502',
    ]);
    expect(errors('post', '/providers/{provider}/dns/{domain}')).toContain('409');
    expect(errors('get', '/providers/{provider}/vms')).not.toContain('409');
  });

  it('real answers of every read validate against it', async () => {
    const P = '/providers/{provider}';
    await conforming('GET', '/openapi.json', '/openapi.json');
    await conforming('GET', '/providers', '/providers');
    await conforming('GET', P, '/providers/hostinger');
    await conforming('GET', `${P}/dns/{domain}`, '/providers/hostinger/dns/example.com');
    await conforming('GET', `${P}/domains`, '/providers/hostinger/domains');
    await conforming('GET', `${P}/domains/{domain}`, '/providers/hostinger/domains/example.com');
    const vms = await conforming('GET', `${P}/vms`, '/providers/hostinger/vms');
    await conforming('GET', `${P}/vms/{id}`, `/providers/hostinger/vms/${vms[0].id}`);
    await conforming('POST', `${P}/vms/{id}/restart`, `/providers/hostinger/vms/${vms[0].id}/restart`);
    await conforming('GET', `${P}/datacenters`, '/providers/hostinger/datacenters');
    await conforming('GET', `${P}/ssh-keys`, '/providers/hostinger/ssh-keys');
    await conforming('GET', `${P}/subscriptions`, '/providers/hostinger/subscriptions');
    await conforming('GET', `${P}/catalog`, '/providers/hostinger/catalog');
  });

  it('real answers of writes and errors validate against it', async () => {
    const P = '/providers/{provider}';
    const h = '/providers/hostinger';
    await conforming('POST', `${P}/test`, `${h}/test`);
    await conforming('POST', `${P}/test`, `${h}/test`, { api_key: 'wrong', extra: { base_url: simUrl } });
    await conforming('POST', `${P}/dns/{domain}`, `${h}/dns/example.com`, {
      type: 'A',
      name: 'doc',
      content: '192.0.2.7',
    });
    await conforming('POST', `${P}/dns/{domain}`, `${h}/dns/example.com`, { type: 'A', name: 'doc', content: 'x' });
    await conforming('PUT', `${P}/dns/{domain}`, `${h}/dns/example.com`, {
      records: [{ type: 'TXT', name: 'doc', content: 'hello' }],
    });
    await conforming('DELETE', `${P}/dns/{domain}`, `${h}/dns/example.com?name=doc&type=A`);
    await conforming('POST', `${P}/domains/check`, `${h}/domains/check`, {
      domains: ['free-name-4821.com', 'example.com'],
    });
    await conforming('PUT', `${P}/domains/{domain}/nameservers`, `${h}/domains/example.com/nameservers`, {
      nameservers: ['ns1.example.net', 'ns2.example.net'],
    });
    await conforming('POST', `${P}/domains/{domain}/lock`, `${h}/domains/example.com/lock`);
    await conforming('DELETE', `${P}/domains/{domain}/lock`, `${h}/domains/example.com/lock`);
    await conforming('POST', `${P}/domains/{domain}/privacy`, `${h}/domains/example.com/privacy`);
    await conforming('DELETE', `${P}/domains/{domain}/privacy`, `${h}/domains/example.com/privacy`);
    const key = await conforming('POST', `${P}/ssh-keys`, `${h}/ssh-keys`, {
      name: 'doc',
      public_key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDocDocDocDocDocDocDocDocDocDocDocDocDocDocDocDoc doc@example',
    });
    if (key.id) await conforming('DELETE', `${P}/ssh-keys/{id}`, `${h}/ssh-keys/${key.id}`);
    await conforming('POST', `${P}/dns/{domain}/reset`, `${h}/dns/example.com/reset`);
    await conforming('GET', `${P}/vms/{id}`, `${h}/vms/no-such-vm`);
    await conforming('POST', `${P}/configure`, `${h}/configure`, {
      api_key: sim.token,
      extra: { base_url: (await call('GET', h)).json.extra.base_url },
    });
    await conforming('DELETE', P, h);
    await conforming('GET', `${P}/dns/{domain}`, `${h}/dns/example.com`);
    expect(checked).toContain('POST /providers/{provider}/test 422');
    expect(checked.size).toBeGreaterThan(25);
  });
});

describe('README: the route table', () => {
  it('is the one generated from the routes the document describes', async () => {
    const readme = await readFile(README, 'utf8');
    expect(readme.indexOf(START), 'the README marks where the table goes').toBeGreaterThan(0);
    const table = `${START}\n${routeTableMarkdown(HOSTING_BASE_PATH)}\n${END}`;
    const current = readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length);
    if (process.env.UPDATE_README === '1' && current !== table) {
      await writeFile(README, readme.replace(current, table));
      return;
    }
    expect(current, 'run UPDATE_README=1 npx vitest run test/http/openapi.test.ts to regenerate it').toBe(table);
  });
});
