import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readdirSync } from 'node:fs';
import { OPENAPI_DIR, operationsOf, requestExamples, requestSchema, responseExamples, responseSchema } from './openapi';

type Json = Record<string, unknown>;

/**
 * Files left out of the route table, and why: both are marked lower confidence in SOURCES.md and disagree with the
 * per-endpoint files (`/v1/customer-sessions` instead of `/v1/customers/sessions`, an invented error shape and status
 * enum). The per-endpoint files are the contract.
 */
const EXCLUDED = new Set(['openapi.json', 'yuno_sandbox_tested.json']);

export interface Route {
  file: string;
  method: string;
  /** The path as the file writes it, without `/v1`. */
  path: string;
  template: string;
  pattern: RegExp;
  literalSegments: number;
}

export function loadRoutes(): Route[] {
  const routes: Route[] = [];
  for (const file of readdirSync(OPENAPI_DIR)) {
    if (!file.endsWith('.json') || EXCLUDED.has(file) || file.includes('postman')) continue;
    for (const op of operationsOf(file)) {
      if (!['GET', 'POST', 'PATCH', 'DELETE'].includes(op.method)) continue;
      const template = `/v1${op.path}`;
      const segments = template.split('/').filter(Boolean);
      routes.push({
        file,
        method: op.method,
        path: op.path,
        template,
        pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        literalSegments: segments.filter((s) => !s.startsWith('{')).length,
      });
    }
  }
  // The most specific template wins: `/v1/customers/sessions` before `/v1/customers/{customer_id}`.
  return routes.sort((a, b) => b.literalSegments - a.literalSegments);
}

/**
 * A JSON schema inferred from a response's published examples, for the files that publish examples but no schema:
 * a key present in every example is required; a value's type is the union of the types the examples show; a key whose
 * examples are all `null` accepts anything (null says nothing about the type).
 */
export function inferSchema(values: unknown[]): Json {
  const present = values.filter((v) => v !== undefined);
  const nonNull = present.filter((v) => v !== null);
  if (nonNull.length === 0) return {};
  const types = new Set<string>();
  for (const v of present)
    types.add(v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v);
  const schema: Json = { type: [...types].map((t) => (t === 'bigint' ? 'number' : t)) };
  const objects = nonNull.filter((v): v is Json => typeof v === 'object' && !Array.isArray(v));
  if (objects.length > 0) {
    const keys = new Set(objects.flatMap((o) => Object.keys(o)));
    const properties: Json = {};
    for (const key of keys) properties[key] = inferSchema(objects.map((o) => o[key]));
    schema.properties = properties;
    schema.required = [...keys].filter((key) => objects.every((o) => key in o));
  }
  const arrays = nonNull.filter((v): v is unknown[] => Array.isArray(v));
  const items = arrays.flat();
  if (items.length > 0) schema.items = inferSchema(items);
  return schema;
}

export interface ContractCheck {
  file: string;
  source: 'published schema' | 'inferred from examples' | 'none';
  errors: string[];
  /** Why the examples were followed instead of the published schema, when they were. */
  note?: string;
}

/**
 * ReadMe exports one `oneOf` variant per example, and the variants overlap, so an answer that fits two of them fails
 * "exactly one". `anyOf` says what the files mean.
 */
function relaxOneOf(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(relaxOneOf);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) out[key === 'oneOf' ? 'anyOf' : key] = relaxOneOf(value);
  return out;
}

export function createContractValidator() {
  // validateSchema off: create-payment.json's 201 schema is not itself valid JSON Schema (a property given as a string).
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true, validateSchema: false });
  addFormats(ajv);
  ajv.addFormat('int32', true);
  ajv.addFormat('float', true);
  const routes = loadRoutes();
  const compiled = new Map<string, ValidateFunction | null>();

  function route(method: string, path: string): Route | undefined {
    return routes.find((r) => r.method === method && r.pattern.test(path));
  }

  function compile(key: string, make: () => Json | undefined): ValidateFunction | null {
    if (!compiled.has(key)) {
      const schema = make();
      compiled.set(key, schema ? ajv.compile(schema) : null);
    }
    return compiled.get(key)!;
  }

  const format = (errors: ErrorObject[] | null | undefined) =>
    (errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`.trim());

  const breaks = new Map<string, Set<string>>();
  /** The schema errors a file's own request examples give (placeholders aside, they are what Yuno documents). */
  function exampleBreaks(r: Route): Set<string> {
    const key = `${r.file} ${r.method} ${r.path}`;
    let found = breaks.get(key);
    if (!found) {
      found = new Set();
      const validate = compiled.get(`req ${key}`);
      for (const [, example] of requestExamples(r.file, r.method, r.path)) {
        if (validate && !validate(example)) for (const e of format(validate.errors)) found.add(e);
      }
      breaks.set(key, found);
    }
    return found;
  }

  return {
    route,
    validateRequest(method: string, path: string, body: unknown): ContractCheck {
      const r = route(method, path);
      if (!r) return { file: '(no route)', source: 'none', errors: [`no OpenAPI file for ${method} ${path}`] };
      const validate = compile(
        `req ${r.file} ${r.method} ${r.path}`,
        () => relaxOneOf(requestSchema(r.file, r.method, r.path)) as Json,
      );
      if (!validate) return { file: r.file, source: 'none', errors: [] };
      if (validate(body)) return { file: r.file, source: 'published schema', errors: [] };
      const errors = format(validate.errors);
      // Where the file's own request examples break a rule of its schema (create-payment.json's DIRECT examples send no
      // `checkout`, which the schema requires), the examples are what Yuno accepts: the same break is no failure here.
      const broken = exampleBreaks(r);
      const kept = errors.filter((e) => !broken.has(e));
      if (kept.length === errors.length) return { file: r.file, source: 'published schema', errors };
      return {
        file: r.file,
        source: 'published schema',
        errors: kept,
        note: `${r.file} request: its own examples break ${[...broken].join('; ')}; following the examples`,
      };
    },
    validateResponse(method: string, path: string, status: number, body: unknown): ContractCheck {
      const r = route(method, path);
      if (!r) return { file: '(no route)', source: 'none', errors: [`no OpenAPI file for ${method} ${path}`] };
      const code = String(status);
      const examples = responseExamples(r.file, code, r.method, r.path)
        .map(([, v]) => v)
        .filter((v) => v !== '');
      const published = responseSchema(r.file, code, r.method, r.path);
      let note: string | undefined;
      if (published) {
        const validate = compile(`res ${r.file} ${r.method} ${r.path} ${code}`, () => relaxOneOf(published) as Json)!;
        const rejected = examples.filter((example) => !validate(example));
        if (rejected.length === 0) {
          return { file: r.file, source: 'published schema', errors: validate(body) ? [] : format(validate.errors) };
        }
        // The file contradicts itself: its schema rejects Yuno's own examples of the same answer. What Yuno really
        // sends is better told by the examples (captured from the API) than by the generated schema.
        validate(rejected[0]);
        note = `${r.file} ${code}: the published schema rejects ${rejected.length} of its ${examples.length} examples (${format(validate.errors)[0]}); following the examples`;
      }
      if (examples.length === 0) {
        return { file: r.file, source: 'none', errors: [`${r.file} documents no ${code} response for ${method}`] };
      }
      const validate = compile(`inf ${r.file} ${r.method} ${r.path} ${code}`, () => inferSchema(examples))!;
      return {
        file: r.file,
        source: 'inferred from examples',
        errors: validate(body) ? [] : format(validate.errors),
        ...(note ? { note } : {}),
      };
    },
  };
}
