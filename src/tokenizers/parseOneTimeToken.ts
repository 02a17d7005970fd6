import { YunoError, type YunoErrorIssue } from '../core/YunoError';
import { OneTimeTokenSchema, type OneTimeToken } from '../core/schemas/token';

/**
 * Validates what a tokenizer got back against Yuno's one-time token shape. A mismatch is a `YunoError` of kind
 * `invalid_response` that names the failing fields, never their values.
 */
export function parseOneTimeToken(value: unknown, source: string): OneTimeToken {
  const result = OneTimeTokenSchema.safeParse(value);
  if (result.success) return result.data;
  const issues: YunoErrorIssue[] = result.error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
  throw new YunoError({
    kind: 'invalid_response',
    message: `${source} gave a one-time token of an unexpected shape (${issues.map((i) => i.path).join(', ')})`,
    issues,
  });
}
