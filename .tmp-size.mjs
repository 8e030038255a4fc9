import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
const variants = {
  full: `import { createHostingerDns } from './src/hostinger/index.js';\nconst dns = createHostingerDns({ apiKey: process.env.T! });\nconsole.log(await dns.list('example.com'));\n`,
  nobatch: `import { createDns } from './src/hostinger/dns.js';\nimport { createHostingerClient } from './src/hostinger/client.js';\nconst dns = createDns(createHostingerClient({ apiKey: process.env.T! }));\nconsole.log(await dns.list('example.com'));\n`,
};
for (const [name, code] of Object.entries(variants)) {
  writeFileSync('/work/main/.tmp-entry.ts', code);
  const r = await build({ entryPoints: ['/work/main/.tmp-entry.ts'], bundle: true, minify: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent' });
  console.log(name, r.outputFiles[0].contents.length, gzipSync(r.outputFiles[0].contents, { level: 9 }).length);
}
