/**
 * Serves the hosting REST API on http://localhost:9090/api/hosting and its settings page on
 * http://localhost:9090/hosting (open the one-time login link it prints: it sets the `token` cookie).
 *
 *   npx tsx examples/server.ts               # real Hostinger; configure it with POST .../configure
 *   npx tsx examples/server.ts --simulator   # a local Hostinger simulator, already configured
 *   npx tsx examples/server.ts --simulator --smoke   # start, call GET /providers once, stop (CI)
 *
 * Environment: PORT (default 9090), HOSTING_JWT_SECRET (HS256 secret of the bearer tokens, at least 32
 * characters: required for real Hostinger, where the example refuses to start without it; with
 * --simulator a random one is made for this run, with a warning), HOSTING_DATA_DIR (credentials,
 * default ./data/hosting; a temporary directory with --simulator).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { sign } from 'hono/jwt';
import { FileConfigStore, ProviderRegistry } from 'setec-hosting';
import { hostinger } from 'setec-hosting/hostinger';
import { createHostingHandler } from 'setec-hosting/http';
import { createHostingerSimulator } from 'setec-hosting/testing';

const useSimulator = process.argv.includes('--simulator');
const port = Number(process.env.PORT ?? 9090);
if (!process.env.HOSTING_JWT_SECRET && !useSimulator) {
  // Real credentials are stored behind this secret: a random one would mint tokens that nobody chose.
  console.error(
    'HOSTING_JWT_SECRET is not set: refusing to serve real credentials without it.\n' +
      '  Set it to a random secret of at least 32 characters, e.g.\n' +
      `  export HOSTING_JWT_SECRET=$(node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))")\n` +
      '  or run with --simulator to try the API on a local simulator.',
  );
  process.exit(1);
}
const generatedSecret = process.env.HOSTING_JWT_SECRET ? undefined : randomBytes(32).toString('base64url');
const jwtSecret = process.env.HOSTING_JWT_SECRET ?? generatedSecret!;
const tempDir =
  !process.env.HOSTING_DATA_DIR && useSimulator ? await mkdtemp(join(tmpdir(), 'setec-hosting-')) : undefined;
const dataDir = process.env.HOSTING_DATA_DIR ?? tempDir ?? './data/hosting';

const store = new FileConfigStore(dataDir);
const registry = new ProviderRegistry();
registry.registerProvider(hostinger);

const simulator = useSimulator ? createHostingerSimulator() : undefined;
if (simulator) {
  const baseUrl = await simulator.listen();
  await store.save({
    provider: 'hostinger',
    api_key: simulator.token,
    api_secret: '',
    extra: { base_url: baseUrl },
    connected: false,
  });
  console.log(`Hostinger simulator on ${baseUrl} (hostinger is configured against it)`);
}

const handler = createHostingHandler({
  store,
  registry,
  auth: { jwtSecret },
  // Only the simulator lives on a loopback http:// URL; a real deployment keeps the SSRF guard on.
  allowUnsafeBaseUrl: useSimulator,
  dashboard: true,
  onError: (error) => console.error('unexpected error', error),
});

// A real application sets the cookie from its own login page. This example prints a one-time link instead:
// opening it sets a `token` cookie (a JWT valid for one hour) and goes to the settings page.
const loginKey = randomBytes(24).toString('base64url');
let loginUsed = false;
async function login(request: Request): Promise<Response> {
  const key = Buffer.from(new URL(request.url).searchParams.get('key') ?? '');
  const expected = Buffer.from(loginKey);
  if (loginUsed || key.length !== expected.length || !timingSafeEqual(key, expected)) {
    return new Response('This login link is wrong or already used; restart the example for a new one.\n', {
      status: 403,
    });
  }
  loginUsed = true;
  const jwt = await sign({ sub: 'browser', exp: Math.floor(Date.now() / 1000) + 3600 }, jwtSecret, 'HS256');
  // `Secure` is left out only because this example serves plain http on localhost.
  const cookie = `token=${jwt}; Path=/; Max-Age=3600; SameSite=Strict; HttpOnly`;
  return new Response(null, { status: 303, headers: { Location: '/hosting', 'Set-Cookie': cookie } });
}

const hostname = process.env.HOST ?? '127.0.0.1';
const server = serve(
  {
    fetch: (request) => (new URL(request.url).pathname === '/login' ? login(request) : handler(request)),
    port,
    hostname,
  },
  (info) => {
    console.log(`REST API on http://localhost:${info.port}/api/hosting (credentials in ${dataDir})`);
    console.log(`Settings page: open http://localhost:${info.port}/login?key=${loginKey} once (sets the cookie)`);
  },
);

if (generatedSecret) {
  const token = await sign({ sub: 'example', exp: Math.floor(Date.now() / 1000) + 3600 }, generatedSecret, 'HS256');
  console.error(
    [
      '',
      '!!! WARNING: HOSTING_JWT_SECRET is not set. This run uses a random secret and prints a token below that',
      '!!! opens the whole API for one hour to anyone who sees this output (logs, shared terminals).',
      '!!! Use this only with --simulator on your own machine; set HOSTING_JWT_SECRET for anything else.',
      '',
    ].join('\n'),
  );
  console.log(`A token valid for one hour (simulator only):\n  export TOKEN=${token}`);
} else {
  console.log('Mint a token for HOSTING_JWT_SECRET with the node:crypto command of the README ("2. Mint a token").');
}
console.log(`  curl -s http://localhost:${port}/api/hosting/providers -H "Authorization: Bearer $TOKEN"`);

if (process.argv.includes('--smoke')) {
  // CI: one authenticated round trip through the real HTTP server, then stop.
  const token = await sign({ sub: 'smoke', exp: Math.floor(Date.now() / 1000) + 60 }, jwtSecret, 'HS256');
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const response = await fetch(`http://127.0.0.1:${actualPort}/api/hosting/providers`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  console.log(`smoke: GET /api/hosting/providers → ${response.status} ${await response.text()}`);
  // The login link sets the cookie once; the settings page then answers with its HTML.
  const origin = `http://127.0.0.1:${actualPort}`;
  const loggedIn = await fetch(`${origin}/login?key=${loginKey}`, { redirect: 'manual' });
  const cookie = (loggedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const page = await fetch(`${origin}/hosting`, { headers: { Cookie: cookie } });
  const again = await fetch(`${origin}/login?key=${loginKey}`, { redirect: 'manual' });
  console.log(`smoke: login → ${loggedIn.status}, GET /hosting → ${page.status}, login again → ${again.status}`);
  if (!response.ok || loggedIn.status !== 303 || page.status !== 200 || again.status !== 403) process.exitCode = 1;
  server.close();
  await simulator?.close();
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
}

const shutdown = () => {
  server.close();
  void simulator?.close();
  if (tempDir) void rm(tempDir, { recursive: true, force: true });
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
