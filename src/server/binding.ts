/**
 * The binding cookie: which checkout sessions, payments and customer sessions belong to this browser, signed by the
 * server. Without `authorize`, the merchant routes answer only about what this cookie names.
 *
 * Value: `<payload>.<signature>`, both base64url; the payload is the JSON {@link Binding}, the signature its
 * HMAC-SHA256 with the binding secret. Web Crypto only, so it runs in Node and in edge runtimes alike.
 */

/** The cookie's name. */
export const BINDING_COOKIE = 'yuno_binding';

/** Checkout sessions a browser keeps (the newest); a declined card starts a new one, so a few suffice. */
export const MAX_CHECKOUT_SESSIONS = 10;
/** Payments kept per checkout session (a session is paid once; declines and replays add a few at most). */
export const MAX_PAYMENTS_PER_SESSION = 3;
/** Customer sessions a browser keeps (the newest). */
export const MAX_CUSTOMER_SESSIONS = 5;
/** Browsers keep about 4096 bytes per cookie; the oldest entries go until the whole cookie fits well under that. */
export const MAX_COOKIE_BYTES = 3072;
/** How long a browser keeps the cookie: one day, ample for a checkout and its result page. */
export const BINDING_MAX_AGE_SECONDS = 24 * 60 * 60;
/** Shortest accepted `bindingSecret`: 32 characters (e.g. `openssl rand -base64 32`). */
export const MIN_SECRET_LENGTH = 32;

/** What one browser owns: checkout sessions (oldest first) each with its payments, and customer sessions. */
export interface Binding {
  /** `[checkoutSession, paymentIds]`, oldest first. */
  c: Array<[string, string[]]>;
  /** Customer sessions, oldest first. */
  u: string[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function emptyBinding(): Binding {
  return { c: [], u: [] };
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/**
 * Compares in time that depends only on the length of `expected`, so a forged signature learns nothing from timing.
 * Hand-written: Node's `timingSafeEqual` is not available in edge runtimes, and Web Crypto has no compare.
 */
function constantTimeEqual(actual: Uint8Array, expected: Uint8Array): boolean {
  let diff = actual.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) {
    diff |= (actual[i % Math.max(actual.length, 1)] ?? 0) ^ (expected[i] as number);
  }
  return diff === 0;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isBinding(value: unknown): value is Binding {
  if (value === null || typeof value !== 'object') return false;
  const { c, u } = value as Record<string, unknown>;
  return (
    Array.isArray(c) &&
    c.every(
      (entry) => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && isStringArray(entry[1]),
    ) &&
    isStringArray(u)
  );
}

/**
 * The value of one cookie in a `Cookie` header. Hand-written: a single name is read, and the server entry keeps no
 * runtime dependency for it.
 */
function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    return part
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
  }
  return undefined;
}

/** Whether the shopper reached the server over https (directly, or through a proxy that says so). */
function isHttps(request: Request): boolean {
  if (new URL(request.url).protocol === 'https:') return true;
  const forwarded = request.headers.get('x-forwarded-proto');
  return forwarded?.split(',')[0]?.trim().toLowerCase() === 'https';
}

let processKey: Promise<CryptoKey> | undefined;

/**
 * A random key made once per process, used when no `bindingSecret` is given. Every instance of a deployment (and every
 * restart) has its own, so a cookie signed by one is no binding for another: deployments of more than one instance
 * need a shared `bindingSecret`.
 */
function randomProcessKey(): Promise<CryptoKey> {
  processKey ??= globalThis.crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 256 }, false, [
    'sign',
  ]) as Promise<CryptoKey>;
  return processKey;
}

/**
 * What the routes do with the binding cookie. Each answer that binds something sets the whole cookie anew from the
 * request's copy: of two checkouts started at the same instant in two tabs of one browser, only the later stays bound
 * (the other tab's session then answers 404), a trade for needing no server-side store.
 */
export interface BindingCookie {
  /** The binding the request's cookie carries; empty when there is none or its signature is wrong. */
  read(request: Request): Promise<Binding>;
  /** The `Set-Cookie` header value that makes `binding` this browser's (bounded in size, newest entries kept). */
  serialize(request: Request, binding: Binding): Promise<string>;
}

/** The binding cookie of routes mounted under `path`, signed with `secret` (or a per-process random key). */
export function createBindingCookie(options: { secret?: string | undefined; path: string }): BindingCookie {
  const { secret, path } = options;
  if (secret !== undefined && (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH)) {
    throw new Error(
      `createYunoRouteHandlers: bindingSecret must be a string of at least ${MIN_SECRET_LENGTH} characters`,
    );
  }
  const key: Promise<CryptoKey> = secret
    ? globalThis.crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
        'sign',
      ])
    : randomProcessKey();

  async function sign(payload: string): Promise<Uint8Array> {
    return new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', await key, encoder.encode(payload)));
  }

  async function read(request: Request): Promise<Binding> {
    const value = readCookie(request.headers.get('cookie'), BINDING_COOKIE);
    if (!value) return emptyBinding();
    const dot = value.indexOf('.');
    if (dot === -1) return emptyBinding();
    const payload = value.slice(0, dot);
    const signature = fromBase64Url(value.slice(dot + 1));
    if (!signature || !constantTimeEqual(signature, await sign(payload))) return emptyBinding();
    const bytes = fromBase64Url(payload);
    if (!bytes) return emptyBinding();
    try {
      const parsed: unknown = JSON.parse(decoder.decode(bytes));
      return isBinding(parsed) ? parsed : emptyBinding();
    } catch {
      return emptyBinding();
    }
  }

  async function encode(binding: Binding): Promise<string> {
    const payload = toBase64Url(encoder.encode(JSON.stringify(binding)));
    return `${payload}.${toBase64Url(await sign(payload))}`;
  }

  async function serialize(request: Request, binding: Binding): Promise<string> {
    const bounded: Binding = {
      c: binding.c
        .slice(-MAX_CHECKOUT_SESSIONS)
        .map(([cs, payments]) => [cs, payments.slice(-MAX_PAYMENTS_PER_SESSION)]),
      u: binding.u.slice(-MAX_CUSTOMER_SESSIONS),
    };
    const attributes = [
      `Path=${path || '/'}`,
      `Max-Age=${BINDING_MAX_AGE_SECONDS}`,
      'HttpOnly',
      'SameSite=Lax',
      ...(isHttps(request) ? ['Secure'] : []),
    ].join('; ');
    for (;;) {
      const cookie = `${BINDING_COOKIE}=${await encode(bounded)}; ${attributes}`;
      if (encoder.encode(cookie).length <= MAX_COOKIE_BYTES || (bounded.c.length <= 1 && bounded.u.length <= 1)) {
        return cookie;
      }
      // Long ids (up to 255 characters each): drop the oldest entry of the longer list until it fits.
      if (bounded.c.length >= bounded.u.length) bounded.c.shift();
      else bounded.u.shift();
    }
  }

  return { read, serialize };
}

/** Whether the binding holds this checkout session. */
export function ownsCheckoutSession(binding: Binding, checkoutSession: string): boolean {
  return binding.c.some(([cs]) => cs === checkoutSession);
}

/** Whether the binding holds this payment (under any of its checkout sessions). */
export function ownsPayment(binding: Binding, paymentId: string): boolean {
  return binding.c.some(([, payments]) => payments.includes(paymentId));
}

/** Whether the binding holds this customer session. */
export function ownsCustomerSession(binding: Binding, customerSession: string): boolean {
  return binding.u.includes(customerSession);
}

/** The binding with a checkout session added as the newest. */
export function withCheckoutSession(binding: Binding, checkoutSession: string): Binding {
  return { c: [...binding.c.filter(([cs]) => cs !== checkoutSession), [checkoutSession, []]], u: binding.u };
}

/** The binding with a payment added under its checkout session (which becomes the newest). */
export function withPayment(binding: Binding, checkoutSession: string, paymentId: string): Binding {
  const previous = binding.c.find(([cs]) => cs === checkoutSession)?.[1] ?? [];
  const payments = [...previous.filter((id) => id !== paymentId), paymentId];
  return { c: [...binding.c.filter(([cs]) => cs !== checkoutSession), [checkoutSession, payments]], u: binding.u };
}

/** The binding with a customer session added as the newest. */
export function withCustomerSession(binding: Binding, customerSession: string): Binding {
  return { c: binding.c, u: [...binding.u.filter((id) => id !== customerSession), customerSession] };
}
