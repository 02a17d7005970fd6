import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Yuno's published OpenAPI files and webhook examples, byte-for-byte copies kept in test/fixtures (their SOURCES.md
 * says where each comes from). `npm run check:fixtures` compares them with the reference copies when those are present.
 */
export const OPENAPI_DIR = fileURLToPath(new URL('../fixtures/yuno-openapi/', import.meta.url));
export const WEBHOOKS_DIR = fileURLToPath(new URL('../fixtures/yuno-webhooks/', import.meta.url));

type Json = Record<string, unknown>;

export interface OpenApiOperation {
  path: string;
  method: string;
  operation: Json;
  document: Json;
}

const cache = new Map<string, Json>();

export function readOpenApi(file: string): Json {
  let doc = cache.get(file);
  if (!doc) {
    doc = JSON.parse(readFileSync(OPENAPI_DIR + file, 'utf8')) as Json;
    cache.set(file, doc);
  }
  return doc;
}

export function readWebhookExample(file: string): unknown {
  return JSON.parse(readFileSync(WEBHOOKS_DIR + file, 'utf8'));
}

/** One of Yuno's webhook examples as the exact bytes of the file: what a receiver is fed unchanged. */
export function readWebhookExampleText(file: string): string {
  return readFileSync(WEBHOOKS_DIR + file, 'utf8');
}

/** Every webhook example's file name. */
export const WEBHOOK_EXAMPLES = [
  'payment-v2.json',
  'payment-v1.json',
  'chargeback-v2.json',
  'chargeback-v1.json',
  'enrollment-v2.json',
] as const;

/** Every operation a file describes (manage-webhooks.json has five, on two paths). */
export function operationsOf(file: string): OpenApiOperation[] {
  const document = readOpenApi(file);
  const paths = document.paths as Record<string, Record<string, Json>>;
  const operations: OpenApiOperation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    for (const [m, operation] of Object.entries(item)) {
      if (!['get', 'post', 'patch', 'put', 'delete'].includes(m)) continue;
      operations.push({ path, method: m.toUpperCase(), operation, document });
    }
  }
  return operations;
}

/** The single operation a per-endpoint file describes (or the one with the given method, and path). */
export function operationOf(file: string, method?: string, path?: string): OpenApiOperation {
  const found = operationsOf(file).find(
    (op) => (!method || op.method === method.toUpperCase()) && (!path || op.path === path),
  );
  if (!found) throw new Error(`${file}: no ${method ?? ''} ${path ?? ''} operation`);
  return found;
}

/** Follows a local `$ref` (`#/components/responses/Unauthorized`), as manage-webhooks.json uses them. */
function follow(document: Json, node: unknown): unknown {
  const ref = (node as { $ref?: unknown } | undefined)?.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
  let target: unknown = document;
  for (const key of ref.slice(2).split('/')) target = (target as Record<string, unknown> | undefined)?.[key];
  return follow(document, target);
}

/** A schema with every local `$ref` replaced by what it points to (none of Yuno's files has a cyclic one). */
export function inlineRefs(document: Json, node: unknown, depth = 0): unknown {
  if (depth > 32) throw new Error('inlineRefs: $ref nesting too deep');
  const resolved = follow(document, node);
  if (Array.isArray(resolved)) return resolved.map((item) => inlineRefs(document, item, depth + 1));
  if (!resolved || typeof resolved !== 'object') return resolved;
  const out: Json = {};
  for (const [key, value] of Object.entries(resolved)) out[key] = inlineRefs(document, value, depth + 1);
  return out;
}

function jsonContent(node: unknown): Json | undefined {
  const content = (node as { content?: Record<string, Json> } | undefined)?.content;
  return content?.['application/json'];
}

/** Examples of one response status, by name. */
export function responseExamples(
  file: string,
  status: string,
  method?: string,
  path?: string,
): Array<[string, unknown]> {
  const { operation, document } = operationOf(file, method, path);
  const response = follow(document, (operation.responses as Record<string, unknown>)[status]);
  const examples = (jsonContent(response)?.examples ?? {}) as Record<string, { value: unknown }>;
  return Object.entries(examples).map(([name, e]) => [name, e.value]);
}

export function requestExamples(file: string, method?: string, path?: string): Array<[string, unknown]> {
  const { operation } = operationOf(file, method, path);
  const examples = (jsonContent(operation.requestBody)?.examples ?? {}) as Record<string, { value: unknown }>;
  return Object.entries(examples).map(([name, e]) => [name, e.value]);
}

export function responseSchema(file: string, status: string, method?: string, path?: string): Json | undefined {
  const { operation, document } = operationOf(file, method, path);
  const response = follow(document, (operation.responses as Record<string, unknown>)[status]);
  const schema = inlineRefs(document, jsonContent(response)?.schema) as Json | undefined;
  return schema && Object.keys(schema).length > 0 ? schema : undefined;
}

export function requestSchema(file: string, method?: string, path?: string): Json | undefined {
  const { operation, document } = operationOf(file, method, path);
  const schema = inlineRefs(document, jsonContent(operation.requestBody)?.schema) as Json | undefined;
  return schema && Object.keys(schema).length > 0 ? schema : undefined;
}
