import { DNS_RECORD_TYPES } from '../core/dns.js';

const type = { type: 'string', enum: [...DNS_RECORD_TYPES] } as const;
const name = { type: 'string', minLength: 1, description: "Relative to the zone; '@' is the apex." } as const;
const ttl = { type: 'integer', minimum: 1, maximum: 2147483647, description: 'Seconds.' } as const;
const priority = { type: 'integer', minimum: 0, maximum: 65535, description: 'MX/SRV priority; 0 otherwise.' } as const;
const content = { type: 'string', description: 'The value, without the MX/SRV priority; TXT unquoted.' } as const;

const record = {
  type: 'object',
  required: ['id', 'type', 'name', 'content', 'ttl', 'priority'],
  properties: { id: { type: 'string' }, type, name, content, ttl, priority },
} as const;
const input = {
  type: 'object',
  required: ['type', 'name', 'content'],
  properties: { type, name, content, ttl, priority },
} as const;

/**
 * The JSON Schema (draft 2020-12) of a plan as `plan.toJSON()` and `JSON.stringify(plan)` write it, so CI
 * can post a plan for review and check a plan file before `applyPlan` (or `setec-hosting dns apply
 * plan.json`) applies exactly it.
 *
 * @example
 * ```ts
 * import Ajv2020 from 'ajv/dist/2020.js';
 * import { ZONE_PLAN_SCHEMA } from 'setec-hosting/zone';
 *
 * const valid = new Ajv2020().validate(ZONE_PLAN_SCHEMA, JSON.parse(planFileText));
 * ```
 */
export const ZONE_PLAN_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://setec-hosting.dev/schemas/zone-plan.schema.json',
  title: 'setec-hosting zone plan',
  description: 'The changes that make a DNS zone match the desired records, and the zone as read for the plan.',
  type: 'object',
  required: ['provider', 'domain', 'changes', 'unchanged', 'snapshot'],
  properties: {
    provider: { type: 'string', description: "The provider's registry name, e.g. 'hostinger'." },
    domain: { type: 'string', description: 'The zone, normalized (lowercase A-label).' },
    changes: {
      type: 'array',
      description: 'One entry per record set that differs: deletes first, then updates, then creates.',
      items: {
        type: 'object',
        required: ['action', 'name', 'type', 'before', 'after'],
        properties: {
          action: { type: 'string', enum: ['create', 'update', 'delete'] },
          name,
          type,
          before: { type: 'array', items: record, description: 'The set as listed (empty for create).' },
          after: { type: 'array', items: input, description: 'The set after the change (empty for delete).' },
        },
      },
    },
    unchanged: { type: 'integer', minimum: 0, description: 'Record sets left as they are.' },
    snapshot: {
      type: 'object',
      required: ['provider', 'domain', 'taken_at', 'records'],
      properties: {
        provider: { type: 'string' },
        domain: { type: 'string' },
        taken_at: { type: 'string', description: 'ISO-8601 time the zone was read.' },
        records: { type: 'array', items: record },
      },
    },
  },
} as const;
