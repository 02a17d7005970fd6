/** A random UUID v4 (Web Crypto, so it works in Node and browsers alike). */
export function uuid(): string {
  return globalThis.crypto.randomUUID();
}

/** `count` random decimal digits, for references, authorization codes and barcodes. */
export function randomDigits(count: number): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(count));
  let out = '';
  for (const byte of bytes) out += String(byte % 10);
  return out;
}

/** Random bytes as base64, for 3DS cryptograms. */
export function randomBase64(byteCount: number): string {
  return bytesToBase64(globalThis.crypto.getRandomValues(new Uint8Array(byteCount)));
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** A sandbox-clock time as Yuno writes timestamps (ISO 8601, UTC). */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
