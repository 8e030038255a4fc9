import * as z from 'zod/mini';
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
    schema: property,
  }));
}

const ERRORS: Record<string, string> = {
  '400': 'Bad input (the fields are named), or the provider is not configured',
  '401': 'Missing, invalid or expired credentials',
  '403': 'A cookie-authenticated request from another site',
  '404': 'Unknown provider or resource',
  '409': 'Conflicts with what exists',
  '413': 'Body over the size limit',
  '415': 'A cookie-authenticated body that is not application/json',
  '429': 'Rate limited by the provider; Retry-After says how long to wait',
  '500': 'Server failure',
  '501': 'The provider does not support this',
  '502': 'The provider failed',
};

function operation(route: RouteDoc): Json {
  const responses: Json = {
    [String(route.status)]: {
      description: route.summary,
      content: { 'application/json': { schema: answerSchema(route.answer) } },
    },
  };
  for (const status of Object.keys(ERRORS)) responses[status] = { $ref: `#/components/responses/E${status}` };
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
