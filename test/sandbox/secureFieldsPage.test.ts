// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createYunoSandbox, startYunoSandboxServer } from 'yuno-react/sandbox';

type Server = Awaited<ReturnType<typeof startYunoSandboxServer>>;

let server: Server;
beforeAll(async () => {
  server = await startYunoSandboxServer({ port: 0 });
});
afterAll(() => server.close());

const CHANNEL = 'a1b2c3d4e5f6a7b8c9d0e1f2';
const PARENT = 'http://127.0.0.1:5173';

function fieldUrl(params: Record<string, string>): string {
  return `${server.url}/_sandbox/secure-fields/field?${new URLSearchParams(params).toString()}`;
}

describe('the secure field page', () => {
  it.each([
    ['pan', 'cc-number', 'Card number'],
    ['expiration', 'cc-exp', 'Expiration date'],
    ['cvv', 'cc-csc', 'Security code'],
  ])('serves the %s field with a labelled numeric input', async (name, autocomplete, label) => {
    // No key of any kind: the page holds nothing until the shopper types.
    const response = await fetch(fieldUrl({ name, channel: CHANNEL, parent: PARENT }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain(`<label id="label" for="field">${label}</label>`);
    expect(html).toMatch(
      new RegExp(`<input id="field" name="${name}" type="text" inputmode="numeric" autocomplete="${autocomplete}"`),
    );
    expect(html).toContain('aria-describedby="error"');
    expect(html).toContain('<p id="error" class="error" role="alert"></p>');
    // No external resource: every script and style is inline.
    expect(html).not.toMatch(/<script[^>]+src=|<link\b/);
  });

  it('lets only the given parent frame it, and runs only its own nonce’d script and styles', async () => {
    const response = await fetch(fieldUrl({ name: 'pan', channel: CHANNEL, parent: PARENT }));
    const csp = response.headers.get('content-security-policy') ?? '';
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/=]{24}$/);
    expect(csp.split('; ')).toEqual([
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      `style-src 'nonce-${nonce}'`,
      "connect-src 'self'",
      "img-src 'none'",
      "font-src 'none'",
      "form-action 'none'",
      "base-uri 'none'",
      `frame-ancestors ${PARENT}`,
    ]);
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await response.text();
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    expect(scripts).toEqual([`<script nonce="${nonce}">`]);
    expect(html.match(/<style[^>]*>/g)).toEqual([
      `<style nonce="${nonce}">`,
      `<style nonce="${nonce}" id="merchant-styles">`,
    ]);
    // A fresh nonce each time.
    const again = await fetch(fieldUrl({ name: 'pan', channel: CHANNEL, parent: PARENT }));
    expect(again.headers.get('content-security-policy')).not.toContain(nonce);
  });

  it('posts only to the parent it was given and takes commands only from it', async () => {
    const html = await (await fetch(fieldUrl({ name: 'cvv', channel: CHANNEL, parent: PARENT }))).text();
    expect(html).toContain(`"parent":"${PARENT}"`);
    expect(html).toContain(`"channel":"${CHANNEL}"`);
    expect(html).toContain('window.parent.postMessage(message, PARENT)');
    expect(html).toContain('event.source !== window.parent || event.origin !== PARENT');
    expect(html).not.toMatch(/postMessage\([^)]*'\*'\)/);
    expect(html).not.toMatch(/console\.|localStorage|sessionStorage|document\.cookie/);
  });

  it.each([
    ['an unknown name', { name: 'pin', channel: CHANNEL, parent: PARENT }, /name must be one of pan, expiration, cvv/],
    ['no name', { channel: CHANNEL, parent: PARENT }, /name must be one of/],
    ['a short channel', { name: 'pan', channel: 'abc', parent: PARENT }, /channel must be 16 to 128/],
    ['a channel with markup', { name: 'pan', channel: `${CHANNEL}<script>`, parent: PARENT }, /channel must be/],
    ['no parent', { name: 'pan', channel: CHANNEL }, /parent must be the http\(s\) origin/],
    ['a parent with a path', { name: 'pan', channel: CHANNEL, parent: `${PARENT}/checkout` }, /parent must be/],
    ['a parent with a slash', { name: 'pan', channel: CHANNEL, parent: `${PARENT}/` }, /parent must be/],
    ['a wildcard parent', { name: 'pan', channel: CHANNEL, parent: '*' }, /parent must be/],
    ['a javascript: parent', { name: 'pan', channel: CHANNEL, parent: 'javascript:alert(1)' }, /parent must be/],
    ['a parent with a CSP source list', { name: 'pan', channel: CHANNEL, parent: `${PARENT} *` }, /parent must be/],
  ])('refuses %s, in a page nobody may frame', async (_, params, message) => {
    const response = await fetch(fieldUrl(params as Record<string, string>));
    expect(response.status).toBe(400);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    const html = await response.text();
    expect(html).toMatch(message);
    expect(html).not.toContain('<script');
  });

  it('is a page a shop of another origin loads, not a control route', async () => {
    const response = await fetch(fieldUrl({ name: 'pan', channel: CHANNEL, parent: PARENT }), {
      headers: { origin: PARENT, 'sec-fetch-site': 'cross-site', 'sec-fetch-dest': 'iframe' },
    });
    expect(response.status).toBe(200);
  });

  it('is served by an in-memory sandbox too (for its own tests), with no key', async () => {
    const sandbox = createYunoSandbox();
    const response = await sandbox.fetch(
      `${sandbox.baseUrl}/_sandbox/secure-fields/field?name=expiration&channel=${CHANNEL}&parent=${encodeURIComponent(PARENT)}`,
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('autocomplete="cc-exp"');
  });
});
