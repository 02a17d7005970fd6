/**
 * A browser's cookies for tests that call the merchant routes without a browser: what the routes set with
 * `Set-Cookie`, sent back on the next request (names and values only; one site, so attributes are not needed).
 */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  /** The `Cookie` header the browser would send (empty when it holds none). */
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Keeps the cookies an answer sets. */
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0] ?? '';
      const eq = pair.indexOf('=');
      if (eq > 0) this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  }

  /** `fetch` through this jar: sends its cookies with every request and keeps the ones each answer sets. */
  fetch(inner: (request: Request) => Promise<Response>): typeof globalThis.fetch {
    return async (input, init) => {
      const request = new Request(input, init);
      const cookie = this.header();
      if (cookie) request.headers.set('cookie', cookie);
      const response = await inner(request);
      this.store(response);
      return response;
    };
  }
}
