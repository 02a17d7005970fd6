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

/** The single operation a per-endpoint file describes (or the one with the given method). */
export function operationOf(file: string, method?: string): OpenApiOperation {
  const document = readOpenApi(file);
  const paths = document.paths as Record<string, Record<string, Json>>;
  for (const [path, item] of Object.entries(paths)) {
    for (const [m, operation] of Object.entries(item)) {
      if (!['get', 'post', 'patch', 'put', 'delete'].includes(m)) continue;
      if (method && m !== method.toLowerCase()) continue;
      return { path, method: m.toUpperCase(), operation, document };
    }
  }
  throw new Error(`${file}: no ${method ?? ''} operation`);
}

function jsonContent(node: unknown): Json | undefined {
  const content = (node as { content?: Record<string, Json> } | undefined)?.content;
  return content?.['application/json'];
}

/** Examples of one response status, by name. */
export function responseExamples(file: string, status: string, method?: string): Array<[string, unknown]> {
  const { operation } = operationOf(file, method);
  const response = (operation.responses as Record<string, unknown>)[status];
  const examples = (jsonContent(response)?.examples ?? {}) as Record<string, { value: unknown }>;
  return Object.entries(examples).map(([name, e]) => [name, e.value]);
}

export function requestExamples(file: string, method?: string): Array<[string, unknown]> {
  const { operation } = operationOf(file, method);
  const examples = (jsonContent(operation.requestBody)?.examples ?? {}) as Record<string, { value: unknown }>;
  return Object.entries(examples).map(([name, e]) => [name, e.value]);
}

export function responseSchema(file: string, status: string, method?: string): Json | undefined {
  const { operation } = operationOf(file, method);
  const response = (operation.responses as Record<string, unknown>)[status];
  const schema = jsonContent(response)?.schema as Json | undefined;
  return schema && Object.keys(schema).length > 0 ? schema : undefined;
}

export function requestSchema(file: string, method?: string): Json | undefined {
  const { operation } = operationOf(file, method);
  const schema = jsonContent(operation.requestBody)?.schema as Json | undefined;
  return schema && Object.keys(schema).length > 0 ? schema : undefined;
}
