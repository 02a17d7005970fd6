/**
 * The `X-Idempotency-Key` sent to Yuno for a browser's attempt: SHA-256 of (purpose, session, browser key), formatted as
 * a UUID (version 8, the RFC 9562 layout for hash-derived ids). The same attempt always maps to the same key, so a
 * retry replays Yuno's original answer; a key taken from one session can never replay another session's payment,
 * because the session is part of what is hashed.
 */
export async function deriveIdempotencyKey(
  purpose: 'payment' | 'enrollment',
  session: string,
  browserKey: string,
): Promise<string> {
  // JSON framing keeps the parts apart: ('a', 'b|c') and ('a|b', 'c') must not hash alike.
  const input = new TextEncoder().encode(JSON.stringify(['yuno-react', purpose, session, browserKey]));
  const bytes = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', input)).slice(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
