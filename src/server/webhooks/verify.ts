const encoder = new TextEncoder();

function toBytes(body: string | Uint8Array | ArrayBuffer): Uint8Array {
  if (typeof body === 'string') return encoder.encode(body);
  return body instanceof Uint8Array ? body : new Uint8Array(body);
}

function base64(bytes: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Compares in time that depends only on the length of `expected`, so a forged signature learns nothing from timing. */
function constantTimeEqual(actual: string, expected: string): boolean {
  const a = encoder.encode(actual);
  const b = encoder.encode(expected);
  let diff = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) diff |= (a[i % Math.max(a.length, 1)] ?? 0) ^ (b[i] as number);
  return diff === 0;
}

/**
 * Whether a webhook really comes from Yuno: `x-hmac-signature` must be the base64 HMAC-SHA256 of the raw request body
 * with your webhook secret. Verify the raw bytes as received, before any JSON parsing; the compare takes constant
 * time. Uses Web Crypto, so it runs in Node and in edge runtimes alike.
 *
 * @see https://docs.y.uno/docs/verify-webhook-signatures-hmac
 * @example
 * ```ts
 * const raw = await request.text();
 * if (!(await verifyYunoWebhook(raw, request.headers.get('x-hmac-signature'), process.env.YUNO_WEBHOOK_SECRET!))) {
 *   return new Response(null, { status: 401 });
 * }
 * ```
 */
export async function verifyYunoWebhook(
  rawBody: string | Uint8Array | ArrayBuffer,
  signature: string | null | undefined,
  secret: string,
): Promise<boolean> {
  if (!secret) throw new Error('verifyYunoWebhook: the webhook secret is empty');
  if (typeof signature !== 'string' || signature.trim() === '') return false;
  const key = await globalThis.crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const expected = base64(await globalThis.crypto.subtle.sign('HMAC', key, toBytes(rawBody) as BufferSource));
  return constantTimeEqual(signature.trim(), expected);
}

/**
 * Whether a webhook carries the `x-api-key` and `x-secret` headers set on the webhook in Yuno (its other way of
 * authenticating deliveries, besides HMAC). Both are compared in constant time; a missing header fails.
 *
 * @example
 * ```ts
 * const ok = verifyYunoWebhookApiKey(request.headers, { apiKey: process.env.YUNO_WEBHOOK_API_KEY!, apiSecret: process.env.YUNO_WEBHOOK_API_SECRET! });
 * if (!ok) return new Response(null, { status: 401 });
 * ```
 */
export function verifyYunoWebhookApiKey(
  headers: Pick<Headers, 'get'>,
  expected: { apiKey: string; apiSecret: string },
): boolean {
  if (!expected.apiKey || !expected.apiSecret) {
    throw new Error('verifyYunoWebhookApiKey: the expected x-api-key and x-secret must not be empty');
  }
  const apiKey = headers.get('x-api-key');
  const secret = headers.get('x-secret');
  // Both compares always run, so timing does not tell which header was wrong.
  const keyMatches = constantTimeEqual(apiKey ?? '', expected.apiKey);
  const secretMatches = constantTimeEqual(secret ?? '', expected.apiSecret);
  return apiKey !== null && secret !== null && keyMatches && secretMatches;
}
