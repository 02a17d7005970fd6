import { WEBHOOK_SHAPES, type WebhookShape } from './webhookShape';

/**
 * Keeps only the keys Yuno's webhook examples carry (`WEBHOOK_SHAPES`), in the sandbox's own order: a webhook from the
 * sandbox must not hold a field a receiver could come to rely on that Yuno never sends.
 */
export function projectOnShape(value: unknown, shape: WebhookShape | true): unknown {
  if (shape === true || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => projectOnShape(item, shape));
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const childShape = shape[key];
    if (childShape !== undefined) out[key] = projectOnShape(child, childShape);
  }
  return out;
}

/** The `data` of a webhook of `type`, with only the keys Yuno's examples of that type carry inside `data`. */
export function webhookData(type: 'payment' | 'enrollment', data: Record<string, unknown>): Record<string, unknown> {
  const dataShape = WEBHOOK_SHAPES[type]['data'];
  return projectOnShape(data, dataShape === undefined ? {} : dataShape) as Record<string, unknown>;
}
