/** A lone surrogate: a high one not followed by a low one, or a low one not preceded by a high one (UTF-16 units). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether a string is well-formed UTF-16 (no lone surrogate), i.e. whether it can be encoded as UTF-8 at all:
 * `encodeURIComponent` throws on such a string and `TextEncoder`/`URLSearchParams` silently turn it into U+FFFD, so an id
 * with a lone surrogate would either crash a request or name another resource. `String.prototype.isWellFormed`
 * (ES2024: Node 20, current browsers) when present; the regular expression is the same test for older engines.
 */
export function isWellFormedString(value: string): boolean {
  const native = (value as { isWellFormed?: () => boolean }).isWellFormed;
  return typeof native === 'function' ? native.call(value) : !LONE_SURROGATE.test(value);
}

/** The path (`a.b.0`) of the first string in a JSON-like value that is not well-formed; `undefined` when all are. */
export function findIllFormedString(value: unknown, path: readonly string[] = [], depth = 0): string[] | undefined {
  if (typeof value === 'string') return isWellFormedString(value) ? undefined : [...path];
  // Route input is parsed JSON, so this depth is never reached by a real body; it only bounds the recursion.
  if (value === null || typeof value !== 'object' || depth > 64) return undefined;
  for (const [key, child] of Object.entries(value)) {
    if (!isWellFormedString(key)) return [...path, '(key)'];
    const found = findIllFormedString(child, [...path, key], depth + 1);
    if (found) return found;
  }
  return undefined;
}
