/** Headers that let a browser page on any origin call the sandbox (the Web SDK stand-in does). */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': 'GET,POST,PATCH,DELETE,OPTIONS',
  'access-control-expose-headers': '*',
};

export function jsonText(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { ...CORS_HEADERS, 'content-type': 'application/json', ...headers },
  });
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return jsonText(status, JSON.stringify(body), headers);
}

export function errorResponse(
  status: number,
  code: string,
  messages: string[],
  headers: Record<string, string> = {},
): Response {
  return json(status, { code, messages }, headers);
}

export function html(status: number, markup: string): Response {
  return new Response(markup, {
    status,
    headers: { ...CORS_HEADERS, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}

export function redirect(location: string): Response {
  return new Response(null, { status: 303, headers: { ...CORS_HEADERS, location } });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: { ...CORS_HEADERS } });
}
