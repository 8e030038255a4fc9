import * as z from 'zod/mini';
import { DNS_RECORD_TYPES } from '../core/dns.js';

// What the REST API answers, as schemas of our own: the OpenAPI document describes answers with them,
// and tests check real answers against that document. Objects are open (`looseObject`): a provider may
// add fields, and a client should ignore the ones it does not know.

const text = z.string();
const int = z.int();

/** `{"status": "..."}`, the answer of every write that returns no object. */
export const statusAnswer = (status: string) => z.strictObject({ status: z.literal(status) });

/** `{"error": "...", "fields"?: {...}}`: every error answer. */
export const errorAnswer = z.strictObject({
  error: text,
  fields: z.optional(z.record(text, z.array(text))),
});

export const providerSummary = z.looseObject({ name: text, display_name: text, connected: z.boolean() });

export const providerDetails = z.looseObject({
  name: text,
  display_name: text,
  configured: z.boolean(),
  connected: z.boolean(),
  has_api_key: z.optional(z.boolean()),
  has_api_secret: z.optional(z.boolean()),
  extra: z.optional(z.record(text, text)),
  capabilities: z.optional(z.array(text)),
});

export const testAnswer = z.strictObject({ status: z.literal('ok'), message: text });

export const dnsRecord = z.looseObject({
  id: text,
  type: z.enum(DNS_RECORD_TYPES),
  name: text,
  content: text,
  ttl: int,
  priority: int,
});

export const domain = z.looseObject({
  name: text,
  registrar: text,
  status: text,
  expires_at: text,
  auto_renew: z.boolean(),
  locked: z.boolean(),
  privacy_protection: z.boolean(),
  nameservers: z.array(text),
});

export const domainAvailability = z.looseObject({
  domain: text,
  available: z.boolean(),
  price: z.optional(z.number()),
  currency: z.optional(text),
});

export const virtualMachine = z.looseObject({
  id: text,
  name: text,
  status: text,
  plan: text,
  region: text,
  ipv4: z.optional(text),
  ipv6: z.optional(text),
  os: z.optional(text),
  cpus: int,
  memory_mb: int,
  disk_gb: int,
  bandwidth_gb: int,
  created_at: text,
  labels: z.optional(z.record(text, text)),
});

export const vmSnapshot = z.looseObject({
  id: text,
  vm_id: text,
  name: text,
  created_at: text,
  size_gb: z.optional(z.number()),
});

/** A power action or a restore: `vm` once the machine got there, when the caller waited. */
export const vmActionAnswer = z.strictObject({ status: z.literal('ok'), vm: z.optional(virtualMachine) });

/** A snapshot request: `created` with the snapshot when the caller waited, else `accepted`. */
export const snapshotAnswer = z.strictObject({
  status: z.enum(['accepted', 'created']),
  snapshot: z.optional(vmSnapshot),
});

export const dataCenter = z.looseObject({ id: text, name: text, location: text, country: text });

export const sshKey = z.looseObject({ id: text, name: text, fingerprint: text, public_key: text });

export const subscription = z.looseObject({
  id: text,
  name: text,
  status: text,
  plan: text,
  price: z.number(),
  currency: text,
  renews_at: text,
  created_at: text,
  period: z.optional(text),
});

export const catalogItem = z.looseObject({
  id: text,
  name: text,
  category: text,
  price_cents: int,
  currency: text,
  period: text,
  description: z.optional(text),
});
