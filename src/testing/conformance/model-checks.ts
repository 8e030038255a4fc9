import { generateKeyPairSync } from 'node:crypto';
import { requireCapability } from '../../core/provider.js';
import { sshFingerprint } from '../../core/ssh-key.js';
import { ensure, show } from './assert.js';
import { SHAPES, ensureShape, ensureShapes } from './shapes.js';
import type { ConformanceCheck } from './types.js';

/** A fresh OpenSSH ed25519 public key line (the blob is the SSH wire encoding of type + key). */
function freshPublicKey(comment: string): string {
  const jwk = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
  const raw = Buffer.from(String(jwk.x), 'base64url');
  const part = (b: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, b.length]), b]);
  return `ssh-ed25519 ${Buffer.concat([part(Buffer.from('ssh-ed25519')), part(raw)]).toString('base64')} ${comment}`;
}

/** Every group's read calls return the SDK's models, field names exactly. */
export const modelChecks: ConformanceCheck[] = [
  {
    name: 'models: dns.list returns DnsRecord objects with exactly the DnsRecord fields',
    requires: 'dns',
    async run(provider, ctx) {
      const records = await requireCapability(provider, 'dns').list(ctx.domain);
      ensureShapes(records, SHAPES.DnsRecord, 'dns.list()');
      for (const r of records) {
        if (r.type !== 'MX' && r.type !== 'SRV')
          ensure(r.priority === 0, `a ${r.type} record has priority ${r.priority}; only MX and SRV carry one`);
      }
    },
  },
  {
    name: 'models: domains.list, get and checkAvailability return Domain and DomainAvailability objects',
    requires: 'domains',
    async run(provider, ctx) {
      const domains = requireCapability(provider, 'domains');
      const list = await domains.list();
      ensureShapes(list, SHAPES.Domain, 'domains.list()');
      const first = list[0];
      if (first) {
        const one = await domains.get(first.name);
        ensureShape(one, SHAPES.Domain, `domains.get(${show(first.name)})`);
        ensure(one.name === first.name, `domains.get(${show(first.name)}) returned ${show(one.name)}`);
      }
      const wanted = `${ctx.uniqueName()}.com`;
      const availability = await domains.checkAvailability([wanted]);
      ensureShapes(availability, SHAPES.DomainAvailability, 'domains.checkAvailability()');
      ensure(
        availability.length === 1 && availability[0]?.domain === wanted,
        `checkAvailability([${show(wanted)}]) returned ${show(availability)}`,
      );
    },
  },
  {
    name: 'models: vps.list and listDataCenters return VirtualMachine and DataCenter objects',
    requires: 'vps',
    async run(provider) {
      const vps = requireCapability(provider, 'vps');
      const vms = await vps.list();
      ensureShapes(vms, SHAPES.VirtualMachine, 'vps.list()');
      const first = vms[0];
      if (first) ensureShape(await vps.get(first.id), SHAPES.VirtualMachine, `vps.get(${show(first.id)})`);
      ensureShapes(await vps.listDataCenters(), SHAPES.DataCenter, 'vps.listDataCenters()');
    },
  },
  {
    name: 'models: sshKeys.list returns SshKey objects',
    requires: 'sshKeys',
    async run(provider) {
      ensureShapes(await requireCapability(provider, 'sshKeys').list(), SHAPES.SshKey, 'sshKeys.list()');
    },
  },
  {
    name: 'sshKeys: add returns the ssh-keygen fingerprint and delete removes the key',
    requires: 'sshKeys',
    async run(provider, ctx) {
      const keys = requireCapability(provider, 'sshKeys');
      const name = ctx.uniqueName();
      const line = freshPublicKey(`${name}@conformance`);
      const added = await keys.add(name, line);
      ctx.defer(async () => {
        if ((await keys.list()).some((k) => k.id === added.id)) await keys.delete(added.id);
      });
      ensureShape(added, SHAPES.SshKey, 'sshKeys.add()');
      ensure(
        added.fingerprint === sshFingerprint(line),
        `fingerprint ${show(added.fingerprint)}; ssh-keygen prints ${show(sshFingerprint(line))}`,
      );
      ensure(added.name === name, `the added key is named ${show(added.name)}; expected ${show(name)}`);
      ensure(
        (await keys.list()).some((k) => k.id === added.id),
        'the added key is missing from sshKeys.list()',
      );
      await keys.delete(added.id);
      ensure(!(await keys.list()).some((k) => k.id === added.id), 'the deleted key is still listed');
    },
  },
  {
    name: 'models: billing.listSubscriptions returns Subscription objects',
    requires: 'billing',
    async run(provider) {
      const billing = requireCapability(provider, 'billing');
      ensureShapes(await billing.listSubscriptions(), SHAPES.Subscription, 'billing.listSubscriptions()');
    },
  },
  {
    name: 'models: billing.getCatalog returns CatalogItem objects',
    requires: 'billing',
    async run(provider) {
      const billing = requireCapability(provider, 'billing');
      ensureShapes(await billing.getCatalog(), SHAPES.CatalogItem, 'billing.getCatalog()');
    },
  },
];
