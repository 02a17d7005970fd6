import type { SandboxRuntime } from './runtime';

/** Who may call a route: Yuno's REST API needs both keys, the Web SDK's routes the public key, control routes nothing. */
export type RouteAuth = 'private' | 'public' | 'none';

export interface RouteContext {
  rt: SandboxRuntime;
  request: Request;
  url: URL;
  params: Record<string, string>;
}

export interface Route {
  method: string;
  /** `/v1/customers/:customer_id`; a `:name` segment matches one path segment. */
  pattern: string;
  auth: RouteAuth;
  handler: (context: RouteContext) => Response | Promise<Response>;
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method_not_allowed'; allowed: string[] }
  | { kind: 'not_found' };

function segmentsOf(path: string): string[] {
  return path.split('/').filter(Boolean);
}

function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  const expected = segmentsOf(pattern);
  const actual = segmentsOf(path);
  if (expected.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < expected.length; i++) {
    const want = expected[i] as string;
    const got = actual[i] as string;
    if (want.startsWith(':')) {
      try {
        params[want.slice(1)] = decodeURIComponent(got);
      } catch {
        return undefined;
      }
    } else if (want !== got) {
      return undefined;
    }
  }
  return params;
}

const literalCount = (pattern: string) => segmentsOf(pattern).filter((s) => !s.startsWith(':')).length;

/**
 * Finds the route for a request. The most literal pattern wins (`/v1/customers/sessions` over
 * `/v1/customers/:customer_id`); a path known under other methods is a 405 rather than a 404.
 */
export function matchRoute(routes: ReadonlyArray<Route>, method: string, path: string): RouteMatch {
  const candidates = routes
    .map((route) => ({ route, params: matchPattern(route.pattern, path) }))
    .filter((c): c is { route: Route; params: Record<string, string> } => c.params !== undefined)
    .sort((a, b) => literalCount(b.route.pattern) - literalCount(a.route.pattern));
  const found = candidates.find((c) => c.route.method === method);
  if (found) return { kind: 'found', route: found.route, params: found.params };
  if (candidates.length > 0) {
    return { kind: 'method_not_allowed', allowed: [...new Set(candidates.map((c) => c.route.method))] };
  }
  return { kind: 'not_found' };
}
