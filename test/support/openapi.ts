/**
 * Checks requests and responses against a provider's real OpenAPI spec (Hostinger's, DigitalOcean's).
 *
 * Each spec is read only from its environment variable (`HOSTINGER_OPENAPI`, `DIGITALOCEAN_OPENAPI`; CI points
 * them at the shared copies); it is never copied into the project. Without it, `describeWithSpec` skips its
 * suite after printing a notice once, and the validators return no errors.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe } from 'vitest';

/** A request as the validators see it. */
export interface SpecRequest {
  method: string;
  /** Absolute URL or path with query string. */
  url: string;
  /** Parsed JSON body, or `undefined` when none was sent. */
  body?: unknown;
}

/** A response as the validators see it. */
export interface SpecResponse extends SpecRequest {
  status: number;
  body: unknown;
}

type Json = Record<string, unknown>;

interface Operation {
  template: string;
  pointer: string; // JSON pointer of the operation object
  op: Json;
  pathParams: Record<string, string>;
}

interface Loaded {
  spec: Json;
  ajv: Ajv;
  routes: { template: string; regex: RegExp; names: string[]; literalSegments: number }[];
  compiled: Map<string, ValidateFunction>;
}

/** The checks for one provider's spec. */
export interface SpecChecker {
  /** Path of the spec, from its environment variable; `undefined` when the checks are skipped. */
  specPath: string | undefined;
  /** `describe` when the spec is available, otherwise `describe.skip` (the run prints one notice, see notices.ts). */
  describeWithSpec: typeof describe;
  validateRequest(request: SpecRequest): string[];
  validateResponse(response: SpecResponse): string[];
}

/**
 * Builds the checks for the spec named by `envVar`; relative URLs are resolved against `origin`, and
 * `basePath` (the API's version path, when the spec's paths leave it out) is removed before matching.
 * `outside` names operations (`'POST /servers/{id}/actions/rebuild'`) that the shared copy of the spec
 * leaves out although the provider has them: requests to them are not reported (their bodies are checked by
 * the adapter's own tests).
 * @example const digitalocean = createSpecChecker('DIGITALOCEAN_OPENAPI', 'https://api.digitalocean.com');
 */
export function createSpecChecker(
  envVar: string,
  origin: string,
  basePath = '',
  outside: readonly string[] = [],
): SpecChecker {
  const specPath: string | undefined = process.env[envVar] || undefined;
  const SPEC_ID = `${envVar.toLowerCase()}.json`;
  // Without the spec the suites skip; test/support/notices.ts says so once per run.
  const describeWithSpec: typeof describe = specPath ? describe : (describe.skip as typeof describe);
  let loaded: Loaded | undefined;

  /**
   * Rewrites OpenAPI 3.0 `nullable: true` as JSON Schema. Ajv supports `nullable` only next to `type`,
   * and not with `enum` or `oneOf`, which the spec uses (`ipv4: {oneOf: [...], nullable: true}`).
   */
  function rewriteNullable(node: unknown): unknown {
    if (Array.isArray(node)) return node.map(rewriteNullable);
    if (node === null || typeof node !== 'object') return node;
    const out: Json = {};
    for (const [key, value] of Object.entries(node)) out[key] = rewriteNullable(value);
    if (out.nullable === true) {
      const { nullable: _nullable, description, example: _example, ...rest } = out;
      return { description, anyOf: [rest, { type: 'null' }] };
    }
    return out;
  }

  function load(): Loaded | undefined {
    if (!specPath) return undefined;
    if (loaded) return loaded;
    const spec = rewriteNullable(JSON.parse(readFileSync(specPath, 'utf8'))) as Json;
    const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
    addFormats(ajv);
    for (const format of ['password', 'int32', 'int64', 'float', 'double', 'byte', 'binary'])
      ajv.addFormat(format, true);
    // Hetzner's prices: decimal numbers written as strings ("1.1900000000000000").
    ajv.addFormat('decimal', /^-?\d+(\.\d+)?$/);
    ajv.addSchema(spec, SPEC_ID);
    const routes = Object.keys(spec.paths as Json).map((template) => {
      const names: string[] = [];
      const pattern = template
        .split('/')
        .map((segment) => {
          const match = /^\{(.+)\}$/.exec(segment);
          if (!match) return segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
          names.push(match[1]!);
          return '([^/]+)';
        })
        .join('/');
      const literalSegments = template.split('/').filter((s) => s && !s.startsWith('{')).length;
      return { template, regex: new RegExp(`^${pattern}$`), names, literalSegments };
    });
    // Prefer the most literal template: `/public-keys/attach/{id}` before `/public-keys/{a}/{b}`.
    routes.sort((a, b) => b.literalSegments - a.literalSegments);
    loaded = { spec, ajv, routes, compiled: new Map() };
    return loaded;
  }

  const escapePointer = (segment: string): string =>
    encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));

  function resolveRef(spec: Json, value: unknown): Json {
    let current = value as Json;
    while (current && typeof current.$ref === 'string') {
      const parts = current.$ref.replace(/^#\//, '').split('/');
      let target: unknown = spec;
      for (const part of parts) target = (target as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
      current = target as Json;
    }
    return current;
  }

  function validator(state: Loaded, pointer: string): ValidateFunction {
    let fn = state.compiled.get(pointer);
    if (!fn) {
      fn = state.ajv.compile({ $ref: `${SPEC_ID}#${pointer}` });
      state.compiled.set(pointer, fn);
    }
    return fn;
  }

  function runSchema(state: Loaded, pointer: string, data: unknown, prefix: string): string[] {
    const fn = validator(state, pointer);
    if (fn(data)) return [];
    return (fn.errors ?? []).map((e) => `${prefix}: ${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
  }

  function findOperation(state: Loaded, method: string, pathname: string): Operation | string {
    const paths = state.spec.paths as Record<string, Json>;
    const lower = method.toLowerCase();
    let pathKnown = false;
    for (const route of state.routes) {
      const match = route.regex.exec(pathname);
      if (!match) continue;
      pathKnown = true;
      const op = paths[route.template]?.[lower] as Json | undefined;
      if (!op) continue;
      const pathParams: Record<string, string> = {};
      route.names.forEach((name, i) => {
        pathParams[name] = decodeURIComponent(match[i + 1]!);
      });
      return { template: route.template, pointer: `/paths/${escapePointer(route.template)}/${lower}`, op, pathParams };
    }
    return pathKnown ? 'method not in the spec for this path' : 'path not in the spec';
  }

  function coerce(raw: string, schema: Json): unknown {
    if ((schema.type === 'integer' || schema.type === 'number') && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
    if (schema.type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
    return raw;
  }

  function checkParameters(state: Loaded, operation: Operation, url: URL, label: string): string[] {
    const pathItem = (state.spec.paths as Record<string, Json>)[operation.template]!;
    const declared = [...((pathItem.parameters as unknown[]) ?? []), ...((operation.op.parameters as unknown[]) ?? [])];
    const errors: string[] = [];
    for (const entry of declared) {
      const param = resolveRef(state.spec, entry);
      const name = param.name as string;
      const raw =
        param.in === 'path'
          ? operation.pathParams[name]
          : param.in === 'query'
            ? url.searchParams.get(name)
            : undefined;
      if (param.in !== 'path' && param.in !== 'query') continue;
      if (raw === undefined || raw === null) {
        if (param.required) errors.push(`${label}: ${param.in} parameter '${name}' is required`);
        continue;
      }
      const schema = param.schema ? resolveRef(state.spec, param.schema) : undefined;
      if (!schema) continue;
      const key = `param:${JSON.stringify(schema)}`;
      let fn = state.compiled.get(key);
      if (!fn) {
        // Nested `$ref`s point into the spec, which Ajv holds under SPEC_ID.
        const absolute = JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#', `"$ref":"${SPEC_ID}#`)) as Json;
        fn = state.ajv.compile({ ...absolute, $id: undefined });
        state.compiled.set(key, fn);
      }
      // A repeated query key (`?id=1&id=2`) is an array parameter's form.
      const items = schema.items ? resolveRef(state.spec, schema.items) : undefined;
      const value =
        schema.type === 'array' && param.in === 'query'
          ? url.searchParams.getAll(name).map((v) => (items ? coerce(v, items) : v))
          : coerce(raw, schema);
      if (!fn(value)) {
        for (const e of fn.errors ?? [])
          errors.push(`${label}: ${param.in} parameter '${name}' ${e.message ?? 'is invalid'}`);
      }
    }
    return errors;
  }

  /** The URL's path as the spec names it: without `basePath` (Hetzner's `/v1`). */
  function specPathOf(url: URL): string {
    return basePath && url.pathname.startsWith(`${basePath}/`) ? url.pathname.slice(basePath.length) : url.pathname;
  }

  function toUrl(url: string): URL {
    return new URL(url, origin);
  }

  /**
   * Validates a request against the spec: the operation exists, path/query parameters match their schemas,
   * and the JSON body matches the request body schema.
   * @returns readable error strings; `[]` when valid or when the spec is unavailable.
   * @example validateRequest({ method: 'PUT', url: '/api/dns/v1/zones/example.com', body: { zone: [] } })
   */
  function validateRequest(request: SpecRequest): string[] {
    const state = load();
    if (!state) return [];
    const url = toUrl(request.url);
    const method = request.method.toUpperCase();
    const label = `${method} ${url.pathname}`;
    const operation = findOperation(state, method, specPathOf(url));
    if (typeof operation === 'string') {
      const known = outside.some((o) => {
        const [m, template = ''] = o.split(' ');
        const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
        return m === method && pattern.test(specPathOf(url));
      });
      return known ? [] : [`${label}: ${operation}`];
    }
    const errors = checkParameters(state, operation, url, label);
    const requestBody = operation.op.requestBody ? resolveRef(state.spec, operation.op.requestBody) : undefined;
    const media = (requestBody?.content as Json | undefined)?.['application/json'] as Json | undefined;
    const hasBody = request.body !== undefined && request.body !== null && request.body !== '';
    if (!media) {
      const emptyObject =
        typeof request.body === 'object' && request.body !== null && Object.keys(request.body).length === 0;
      if (hasBody && !emptyObject) errors.push(`${label}: the spec defines no request body for this operation`);
      return errors;
    }
    if (!hasBody) {
      if (requestBody?.required) errors.push(`${label}: a request body is required`);
      return errors;
    }
    const bodyRef = (operation.op.requestBody as Json).$ref as string | undefined;
    const bodyPointer = `${bodyRef ? bodyRef.replace(/^#/, '') : `${operation.pointer}/requestBody`}/content/application~1json/schema`;
    return [...errors, ...runSchema(state, bodyPointer, request.body, label)];
  }

  /**
   * Validates a response body against the spec's schema for its status (exact status, then `4XX`/`4xx`, then
   * `default`). A status the spec does not declare for the operation is not an error, nor is an operation the
   * spec lacks (`validateRequest` reports that).
   * @returns readable error strings; `[]` when valid or when the spec is unavailable.
   */
  function validateResponse(response: SpecResponse): string[] {
    const state = load();
    if (!state) return [];
    const url = toUrl(response.url);
    const method = response.method.toUpperCase();
    const label = `${method} ${url.pathname} ${response.status}`;
    const operation = findOperation(state, method, specPathOf(url));
    if (typeof operation === 'string') return []; // validateRequest reports the unknown operation
    const responses = operation.op.responses as Json;
    // Range keys are `4XX` in most specs and `4xx` in Hetzner's.
    const range = String(response.status)[0];
    const key = [String(response.status), `${range}XX`, `${range}xx`, 'default'].find((k) => k in responses);
    if (!key) return [];
    const entry = responses[key] as Json;
    const base = entry.$ref
      ? (entry.$ref as string).replace(/^#/, '')
      : `${operation.pointer}/responses/${escapePointer(key)}`;
    const resolved = resolveRef(state.spec, entry);
    const media = (resolved.content as Json | undefined)?.['application/json'] as Json | undefined;
    if (!media?.schema) return [];
    return runSchema(state, `${base}/content/application~1json/schema`, response.body, label);
  }

  return { specPath, describeWithSpec, validateRequest, validateResponse };
}

/** Hostinger's spec, from `HOSTINGER_OPENAPI`. */
export const hostingerSpec = createSpecChecker('HOSTINGER_OPENAPI', 'https://developers.hostinger.com');
/** DigitalOcean's spec, from `DIGITALOCEAN_OPENAPI`. */
export const digitalOceanSpec = createSpecChecker('DIGITALOCEAN_OPENAPI', 'https://api.digitalocean.com');

/** Hetzner Cloud's spec, from `HETZNER_OPENAPI` (its paths are relative to `/v1`). */
export const hetznerSpec = createSpecChecker('HETZNER_OPENAPI', 'https://api.hetzner.cloud', '/v1', [
  // Snapshots: in Hetzner's API (create_image, rebuild, image deletion) but not in the reduced shared spec.
  'POST /servers/{id}/actions/create_image',
  'POST /servers/{id}/actions/rebuild',
  'DELETE /images/{id}',
]);

/** Path of Hostinger's `openapi.json`, from `HOSTINGER_OPENAPI`; `undefined` when the checks are skipped. */
export const specPath = hostingerSpec.specPath;
/** `describe` when Hostinger's spec is available, otherwise `describe.skip` (the run prints one notice, see notices.ts). */
export const describeWithSpec = hostingerSpec.describeWithSpec;
/**
 * Validates a request against Hostinger's spec: the operation exists, path/query parameters match their
 * schemas, and the JSON body matches the request body schema.
 * @returns readable error strings; `[]` when valid or when the spec is unavailable.
 * @example validateRequest({ method: 'PUT', url: '/api/dns/v1/zones/example.com', body: { zone: [] } })
 */
export const validateRequest = hostingerSpec.validateRequest;
/** Validates a response body against Hostinger's spec (see {@link SpecChecker.validateResponse}). */
export const validateResponse = hostingerSpec.validateResponse;
