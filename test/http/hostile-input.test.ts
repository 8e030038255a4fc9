import { describe, expect, it } from 'vitest';
import { createMemoryProvider } from '../../src/testing/index.js';
import { configure, harness } from './helpers.js';

const RESERVED = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];

async function memoryHarness() {
  const h = await harness({
    providers: [() => ({ name: 'memory', displayName: 'Memory', create: () => createMemoryProvider() })],
  });
  await configure(h, 'memory');
  return h;
}

// A valid body for every route that takes one, so the only fault is the extra key.
const BODIES: Array<[string, string, Record<string, unknown>]> = [
  ['POST', '/providers/memory/configure', { api_key: 'k' }],
  ['POST', '/providers/memory/dns/example.com', { type: 'A', name: 'www', content: '192.0.2.1' }],
  ['PUT', '/providers/memory/dns/example.com', { records: [{ type: 'A', name: 'www', content: '192.0.2.1' }] }],
  ['POST', '/providers/memory/domains/check', { domains: ['example.org'] }],
  ['POST', '/providers/memory/domains/purchase', { domain: 'example.org', period: 1 }],
  ['PUT', '/providers/memory/domains/example.com/nameservers', { nameservers: ['ns1.example.net'] }],
  [
    'POST',
    '/providers/memory/vms',
    { plan: 'p', data_center_id: 'd', template: 't', password: 'Secret-123!', hostname: 'h.example.com' },
  ],
  ['POST', '/providers/memory/ssh-keys', { name: 'k', public_key: 'ssh-ed25519 AAAA' }],
];

describe('http: keys every JavaScript object already has', () => {
  it.each(RESERVED)('"%s" as an unknown key in any body is a 400 naming it', async (key) => {
    const h = await memoryHarness();
    for (const [method, path, body] of BODIES) {
      const text = `${JSON.stringify(body).slice(0, -1)},${JSON.stringify(key)}:1}`;
      const response = await h.send(method, path, text);
      expect(response.status, `${method} ${path}`).toBe(400);
      const answer = await response.json();
      expect(answer.error).toContain(key);
      expect(Object.keys(answer.fields)).toEqual([key]);
    }
  });

  it.each(RESERVED)('"%s" in the DNS delete query is a 400 naming it', async (key) => {
    const h = await memoryHarness();
    const response = await h.send('DELETE', `/providers/memory/dns/example.com?name=www&type=A&${key}=1`);
    expect(response.status).toBe(400);
    expect((await response.json()).fields).toEqual({ [key]: ['is not allowed'] });
  });

  it('extra.__proto__ is a 400 and the stored config is unchanged', async () => {
    const h = await memoryHarness();
    const before = await h.store.inner.get('memory');
    const response = await h.send('POST', '/providers/memory/configure', '{"api_key":"k","extra":{"__proto__":"x"}}');
    expect(response.status).toBe(400);
    expect((await response.json()).fields).toEqual({ 'extra.__proto__': ['is not allowed'] });
    expect(await h.store.inner.get('memory')).toEqual(before);
  });

  it.each(['constructor', 'toString', 'hasOwnProperty'])('extra.%s is a 400: it is a reserved name', async (key) => {
    const h = await memoryHarness();
    const response = await h.send('POST', '/providers/memory/configure', { api_key: 'k', extra: { [key]: 'x' } });
    expect(response.status).toBe(400);
    expect(Object.keys((await response.json()).fields)).toEqual([`extra.${key}`]);
  });

  it('a body nested thousands of levels deep is a 400, not a crash', async () => {
    const h = await memoryHarness();
    const deep = `{"api_key":"k","extra":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const response = await h.send('POST', '/providers/memory/configure', deep);
    expect(response.status).toBe(400);
  });
});
