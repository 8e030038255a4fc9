/**
 * A real `pebble` (Let's Encrypt's test CA, Debian's package) for tests: {@link startPebble} starts one on free
 * ports of 127.0.0.1 in a temporary directory, with a TLS certificate for its own listener made by `openssl`,
 * validating DNS-01 challenges against the DNS server given (`-dnsserver`). It is ready once its directory
 * answers; `stop()` ends it by its pid and removes the directory.
 *
 * Without `pebble` or `openssl`, {@link pebbleMissing} names what is missing; suites skip with one notice, and
 * under `CI=true` fail instead (`.ci/run` installs the Debian package `pebble`).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, get } from 'node:https';
import { tmpdir } from 'node:os';
import { describe, it } from 'vitest';
import { join } from 'node:path';
import { freePort } from './server-process.js';

function which(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':').concat('/usr/bin', '/usr/sbin')) {
    if (dir && existsSync(join(dir, command))) return join(dir, command);
  }
  return undefined;
}

/** What is missing to run pebble here, or `undefined`. */
export const pebbleMissing: string | undefined = !which('pebble')
  ? 'pebble'
  : !which('openssl')
    ? 'openssl'
    : undefined;

export interface Pebble {
  /** The ACME directory URL. */
  directoryUrl: string;
  /** The PEM certificate of pebble's listener, for the client's TLS trust. */
  ca: string;
  /** An https agent that trusts {@link ca}. */
  agent: Agent;
  /** pebble's output so far, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

function directoryAnswers(url: string, agent: Agent): Promise<boolean> {
  return new Promise((resolve) => {
    const request = get(url, { agent }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.setTimeout(1_000, () => request.destroy());
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts pebble; `dnsServer` (`127.0.0.1:port`) is where it looks up DNS-01 challenges. */
export async function startPebble(dnsServer: string): Promise<Pebble> {
  const dir = mkdtempSync(join(tmpdir(), 'setec-pebble-'));
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'ignore' },
  );
  const [port, management, httpPort, tlsPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const config = join(dir, 'pebble.json');
  writeFileSync(
    config,
    JSON.stringify({
      pebble: {
        listenAddress: `127.0.0.1:${port}`,
        managementListenAddress: `127.0.0.1:${management}`,
        certificate: cert,
        privateKey: key,
        httpPort,
        tlsPort,
        ocspResponderURL: '',
        externalAccountBindingRequired: false,
      },
    }),
  );
  let output = '';
  const child = spawn(which('pebble')!, ['-config', config, '-dnsserver', dnsServer], {
    cwd: dir,
    // No random sleeps before validation, no nonce rejections, no reused authorizations: the test is repeatable.
    env: { ...process.env, PEBBLE_VA_NOSLEEP: '1', PEBBLE_WFE_NONCEREJECT: '0', PEBBLE_AUTHZREUSE: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const ca = readFileSync(cert, 'utf8');
  const agent = new Agent({ ca });
  const directoryUrl = `https://127.0.0.1:${port}/dir`;
  const stop = async () => {
    agent.destroy();
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) break;
    if (await directoryAnswers(directoryUrl, agent)) return { directoryUrl, ca, agent, log: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`pebble did not start:\n${output}`);
}

let noticePrinted = false;

/**
 * `describe` when pebble and openssl are here. Otherwise: under `CI=true`, a suite whose one test fails naming
 * what is missing; elsewhere `describe.skip`, after printing a notice once.
 */
export function describeWithPebble(name: string, fn: () => void): void {
  if (!pebbleMissing) return void describe(name, fn);
  if (process.env.CI === 'true' || process.env.CI === '1') {
    return void describe(name, () => {
      it('needs pebble and openssl (CI installs the Debian package pebble)', () => {
        throw new Error(`${pebbleMissing} is missing: under CI=true the ACME end-to-end tests must run, not skip`);
      });
    });
  }
  if (!noticePrinted) {
    noticePrinted = true;
    console.warn(`${pebbleMissing} is not installed: the ACME end-to-end tests against pebble are skipped.`);
  }
  describe.skip(name, fn);
}
