import * as z from 'zod/mini';
import { DNS_RECORD_TYPES } from '../core/dns.js';
import { errorAnswer } from './answers.js';
import { LIST_ITEMS, MODEL_NAMES, ROUTES, type RouteDoc } from './routes.js';

type Json = Record<string, unknown>;

/** JSON Schema (2020-12, as OpenAPI 3.1 uses it) of what a client sends (`input`) or receives (`output`). */
function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return rest;
}

function answerSchema(schema: z.ZodMiniType): Json {
  const name = MODEL_NAMES.get(schema);
  if (name) return { $ref: `#/components/schemas/${name}` };
  const item = LIST_ITEMS.get(schema);
  if (item) return { type: 'array', items: answerSchema(item) };
  return jsonSchema(schema, 'output');
}

const pathParameters = (path: string) =>
  [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));

function queryParameters(route: RouteDoc): Json[] {
  if (!route.query) return [];
  const schema = jsonSchema(route.query, 'input') as { properties: Record<string, Json>; required?: string[] };
  return Object.entries(schema.properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: schema.required?.includes(name) ?? false,
    // A record type is read case-insensitively (`mx` is `MX`), which JSON Schema cannot say: list the types.
    schema: name === 'type' ? { ...property, enum: [...DNS_RECORD_TYPES], description: 'Case-insensitive' } : property,
  }));
}

const ERRORS: Record<string, string> = {
  '400': 'Bad input (the fields are named), or the provider is not configured',
  '401': "Missing, invalid or expired credentials for this API (the JWT or cookie); never the provider's refusal",
  '403': 'A cookie-authenticated request from another site',
  '404': 'Unknown provider or resource',
  '409': 'Conflicts with what exists',
  '413': 'Body over the size limit (the connection is closed)',
  '415': 'A cookie-authenticated body that is not application/json',
  '422': 'The provider refused its API token (the stored one, or the one a /test body carries)',
  '429': 'Rate limited by the provider; Retry-After says how long to wait',
  '500': 'Server failure (the credential store, a bug)',
  '501': 'The provider does not support this',
  '502': 'The provider failed',
};

const PROVIDER = '/providers/{provider}';

/** The error statuses a route can answer, from what it does: auth, the store, its input, the provider. */
export function errorStatuses(route: RouteDoc): string[] {
  if (route.path === '/openapi.json') return ['401'];
  const statuses = new Set(['401', '500']);
  const write = route.method !== 'get';
  if (write) statuses.add('403').add('415');
  if (route.body) statuses.add('400').add('413');
  if (route.query) statuses.add('400');
  if (route.path.startsWith(PROVIDER)) statuses.add('404');
  // Every route below a provider but `configure` builds the provider from its stored config and calls it.
  if (route.path.startsWith(`${PROVIDER}/`) && route.path !== `${PROVIDER}/configure`) {
    statuses.add('400').add('422').add('429').add('502');
    if (route.path !== `${PROVIDER}/test`) {
      statuses.add('501');
      if (write) statuses.add('409');
    }
  }
  return [...statuses].sort();
}

function operation(route: RouteDoc): Json {
  const responses: Json = {
    [String(route.status)]: {
      description: route.summary,
      content: { 'application/json': { schema: answerSchema(route.answer) } },
    },
  };
  for (const status of errorStatuses(route)) responses[status] = { $ref: `#/components/responses/E${status}` };
  const op: Json = {
    operationId: `${route.method}${route.path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string = '') => c.toUpperCase())}`,
    summary: route.summary,
    parameters: [...pathParameters(route.path), ...queryParameters(route)],
    responses,
  };
  if (route.body) {
    op.requestBody = {
      required: route.bodyOptional !== true,
      content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
    };
  }
  return op;
}

/**
 * The OpenAPI 3.1 document of every route under `basePath`, built from the same zod schemas the handler
 * validates bodies with, so it cannot drift from what the handler accepts.
 */
export function openApiDocument(basePath: string, version: string): Json {
  const paths: Record<string, Json> = {};
  for (const route of ROUTES) (paths[`${basePath}${route.path}`] ??= {})[route.method] = operation(route);
  const schemas: Json = { Error: jsonSchema(errorAnswer, 'output') };
  for (const [schema, name] of MODEL_NAMES) schemas[name] = jsonSchema(schema, 'output');
  const responses: Json = {};
  for (const [status, description] of Object.entries(ERRORS)) {
    const headers = status === '429' ? { 'Retry-After': { schema: { type: 'integer', minimum: 0 } } } : undefined;
    responses[`E${status}`] = {
      description,
      ...(headers ? { headers } : {}),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'setec-hosting REST API', version },
    // Relative: the API is wherever the document was fetched from (the paths hold the base path).
    servers: [{ url: '/', description: 'The server this document was fetched from' }],
    paths,
    components: {
      schemas,
      responses,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'token' },
      },
    },
    security: [{ bearer: [] }, { cookie: [] }],
  };
}

function fieldsOf(schema: z.ZodMiniType, io: 'input' | 'output'): string {
  const json = jsonSchema(schema, io) as { properties?: Record<string, Json>; required?: string[] };
  return Object.keys(json.properties ?? {})
    .map((name) => (json.required?.includes(name) ? name : `${name}?`))
    .join(', ');
}

function describeAnswer(schema: z.ZodMiniType): string {
  const name = MODEL_NAMES.get(schema);
  if (name) return name;
  const item = LIST_ITEMS.get(schema);
  if (item) return `${describeAnswer(item)}[]`;
  const json = jsonSchema(schema, 'output') as { properties?: Record<string, { const?: unknown }> };
  const parts = Object.entries(json.properties ?? {}).map(([key, p]) =>
    p.const === undefined ? `"${key}"` : `"${key}": ${JSON.stringify(p.const)}`,
  );
  return parts.length ? `{${parts.join(', ')}}` : 'object';
}

/** The README's route table (Markdown), from the same list as the OpenAPI document. */
export function routeTableMarkdown(basePath: string): string {
  const rows = ROUTES.map((route) => {
    const body = route.body ? `\`{${fieldsOf(route.body, 'input')}}\`${route.bodyOptional ? ' (optional)' : ''}` : '';
    const query = route.query ? `query \`${fieldsOf(route.query, 'input')}\`` : '';
    const path = `\`${basePath}${route.path}\``;
    return `| ${route.method.toUpperCase()} | ${path} | ${body || query} | ${route.status} \`${describeAnswer(route.answer)}\` | ${route.summary} |`;
  });
  return ['| method | path | body | answer | does |', '|---|---|---|---|---|', ...rows].join('\n');
}
