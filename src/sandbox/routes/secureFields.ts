import type { Route } from '../router';
import { escapeHtml } from '../pages';
import {
  SECURE_FIELD_CHANNEL,
  SECURE_FIELD_NAMES,
  secureFieldCsp,
  secureFieldPage,
  type SecureFieldName,
} from '../secureFieldPage';

/** The origin a `parent` parameter names, if it is exactly one: `http(s)://host[:port]`, without path or slash. */
function parentOrigin(value: string | null): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.origin === value ? value : undefined;
  } catch {
    return undefined;
  }
}

function nonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

const SHARED_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

function refusal(message: string): Response {
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Secure field unavailable</title></head>
<body><p role="alert">${escapeHtml(message)}</p></body></html>`;
  return new Response(body, {
    status: 400,
    headers: {
      ...SHARED_HEADERS,
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'x-frame-options': 'DENY',
    },
  });
}

/**
 * The page of one Secure Field, for the sandbox's stand-in of Yuno's Web SDK to frame: `?name=pan|expiration|cvv`,
 * `channel` (the form's random id) and `parent` (the origin of the page that frames it, the only one it talks to and
 * may be framed by). It needs no key: it holds no data until the shopper types, and tokenizes only with the public key
 * the page hands it.
 */
export const secureFieldRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/_sandbox/secure-fields/field',
    auth: 'none',
    handler({ url }) {
      const name = url.searchParams.get('name');
      if (!SECURE_FIELD_NAMES.includes(name as SecureFieldName)) {
        return refusal(`name must be one of ${SECURE_FIELD_NAMES.join(', ')}.`);
      }
      const channel = url.searchParams.get('channel') ?? '';
      if (!SECURE_FIELD_CHANNEL.test(channel)) return refusal('channel must be 16 to 128 letters, digits, - or _.');
      const parent = parentOrigin(url.searchParams.get('parent'));
      if (!parent) return refusal('parent must be the http(s) origin of the page that frames the field.');
      const key = nonce();
      return new Response(secureFieldPage({ name: name as SecureFieldName, channel, parent, nonce: key }), {
        status: 200,
        headers: { ...SHARED_HEADERS, 'content-security-policy': secureFieldCsp(key, parent) },
      });
    },
  },
];
