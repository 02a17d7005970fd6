import type * as z from 'zod/mini';
import { redactCardData } from '../core';
import { badRequest } from './SandboxHttpError';

type Json = Record<string, unknown>;

/** The request's JSON object body; anything that is not a JSON object is Yuno's `INVALID_REQUEST`. */
export async function readJsonObject(request: Request): Promise<Json> {
  const text = await request.text();
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest('INVALID_REQUEST', 'Invalid request: the body is not valid JSON');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest('INVALID_REQUEST', 'Invalid request: the body must be a JSON object');
  }
  return value as Json;
}

function valueAt(body: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current: unknown = body;
  for (const key of path) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

const pathText = (path: ReadonlyArray<PropertyKey>) => path.map(String).join('.') || '(body)';

/**
 * Validates a body with a core request schema, as Yuno does: absent required fields give `MISSING_PARAMETERS`
 * naming them, present but malformed ones `INVALID_PARAMETERS`. Messages name fields and rules, never values.
 */
export function validateBody<T>(schema: z.ZodMiniType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const missing = new Set<string>();
  const invalid: string[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'invalid_type' && valueAt(body, issue.path) === undefined) missing.add(pathText(issue.path));
    else invalid.push(`${pathText(issue.path)}: ${redactCardData(issue.message)}`);
  }
  if (missing.size > 0)
    throw badRequest('MISSING_PARAMETERS', ...[...missing].map((p) => `Missing required parameter: ${p}`));
  throw badRequest('INVALID_PARAMETERS', ...invalid.map((m) => `Invalid parameter ${m}`));
}

/** Required fields a schema leaves optional but a flow needs (e.g. the card number of a new card). */
export function requireFields(body: unknown, paths: ReadonlyArray<string>): void {
  const missing = paths.filter((p) => {
    const value = valueAt(body, p.split('.'));
    return value === undefined || value === null || value === '';
  });
  if (missing.length > 0)
    throw badRequest('MISSING_PARAMETERS', ...missing.map((p) => `Missing required parameter: ${p}`));
}

export function invalidParameter(path: string, rule: string): never {
  throw badRequest('INVALID_PARAMETERS', `Invalid parameter ${path}: ${rule}`);
}
