/** Yuno's API hosts by the environment prefix of the public API key, the way Yuno's own demo server and MCP client pick them. */
const HOSTS_BY_KEY_PREFIX: Readonly<Record<string, string>> = {
  sandbox: 'https://api-sandbox.y.uno',
  prod: 'https://api.y.uno',
  dev: 'https://api-dev.y.uno',
  staging: 'https://api-staging.y.uno',
};

/**
 * The base URL (without `/v1`) a server client talks to: `baseUrl` when given, else the host the public API key's prefix
 * names (`sandbox_…` → `https://api-sandbox.y.uno`, `prod_…` → `https://api.y.uno`, also `dev_…` and `staging_…`).
 * A prefix cannot select Yuno's EMEA region: pass `baseUrl: 'https://api.eu.y.uno'` for it.
 *
 * @see https://docs.y.uno/reference/getting-started/api-environments
 * @example
 * ```ts
 * resolveYunoBaseUrl('sandbox_gAAAAAB…'); // 'https://api-sandbox.y.uno'
 * resolveYunoBaseUrl('prod_gAAAAAB…', 'https://api.eu.y.uno'); // 'https://api.eu.y.uno'
 * ```
 */
export function resolveYunoBaseUrl(publicApiKey: string, baseUrl?: string): string {
  if (baseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      throw new Error(`createYunoServerClient: baseUrl must be an absolute http(s) URL such as 'https://api.y.uno'`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new Error(`createYunoServerClient: baseUrl must be an absolute http(s) URL such as 'https://api.y.uno'`);
    }
    // Paths are added as `/v1/...`, so a base that already ends in /v1 would double it.
    return baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
  }
  const prefix = publicApiKey.split('_', 1)[0] ?? '';
  const host = Object.hasOwn(HOSTS_BY_KEY_PREFIX, prefix) ? HOSTS_BY_KEY_PREFIX[prefix] : undefined;
  if (host === undefined) {
    throw new Error(
      'createYunoServerClient: cannot tell the Yuno environment from the public API key (expected a sandbox_, prod_, ' +
        "dev_ or staging_ prefix); pass baseUrl, e.g. 'https://api-sandbox.y.uno' or 'https://api.eu.y.uno'",
    );
  }
  return host;
}
