/**
 * The absolute base URL of the merchant routes. A relative base (`/api/yuno`) is resolved against the page's location;
 * outside a browser there is none, and guessing a host would send requests somewhere unintended.
 */
export function resolveBrowserBaseUrl(baseUrl: string): string {
  let absolute: URL;
  try {
    absolute = new URL(baseUrl);
  } catch {
    const page = (globalThis as { location?: { href?: unknown } }).location?.href;
    if (typeof page !== 'string' || page === '') {
      throw new Error(
        `createYunoBrowserClient: baseUrl '${baseUrl}' is relative and there is no page location to resolve it ` +
          "against (outside a browser); pass an absolute URL such as 'https://shop.example/api/yuno'",
      );
    }
    absolute = new URL(baseUrl, page);
  }
  if (absolute.protocol !== 'http:' && absolute.protocol !== 'https:') {
    throw new Error(`createYunoBrowserClient: baseUrl must be an http(s) URL, got '${baseUrl}'`);
  }
  absolute.search = '';
  absolute.hash = '';
  return absolute.href.replace(/\/+$/, '');
}
