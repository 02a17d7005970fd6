import { bytesToBase64 } from './ids';

/**
 * `base64(HMAC-SHA256(secret, message))`, the `x-hmac-signature` Yuno puts on webhooks. Web Crypto keeps it
 * isomorphic; Node's `createHmac('sha256', secret).update(body).digest('base64')` gives the same string.
 */
export async function hmacSha256Base64(secret: string, message: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await globalThis.crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signature = await globalThis.crypto.subtle.sign('HMAC', key, encoder.encode(message));
  return bytesToBase64(new Uint8Array(signature));
}
