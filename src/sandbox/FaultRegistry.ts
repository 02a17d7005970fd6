import { CORS_HEADERS, errorResponse } from './responses';
import type { SandboxFault, SandboxFaultMatch } from './types';

interface ActiveFault {
  fault: SandboxFault;
  remaining: number;
}

const DEFAULT_CODES: Record<number, string> = {
  400: 'INVALID_REQUEST',
  401: 'INVALID_CREDENTIALS',
  403: 'AUTHORIZATION_REQUIRED',
  404: 'NOT_FOUND',
  405: 'UNSUPPORTED_METHOD',
  408: 'REQUEST_TIMEOUT',
  500: 'INTERNAL_ERROR',
  504: 'REQUEST_TIMEOUT',
};

/** Faults reach the emulated API only; the sandbox's control routes stay usable so a test can always clear them. */
export function isFaultablePath(path: string): boolean {
  return path.startsWith('/v1/') || path.startsWith('/_sandbox/sdk/');
}

/** The faults a test injected, matched against each request in the order they were added. */
export class FaultRegistry {
  private faults: ActiveFault[] = [];

  inject(fault: SandboxFault): () => void {
    const active: ActiveFault = { fault, remaining: fault.times ?? Number.POSITIVE_INFINITY };
    this.faults.push(active);
    return () => {
      this.faults = this.faults.filter((f) => f !== active);
    };
  }

  clear(): void {
    this.faults = [];
  }

  /** The first fault matching the request, which uses up one of its `times`. */
  take(method: string, path: string): SandboxFault | undefined {
    const active = this.faults.find((f) => f.remaining > 0 && matches(f.fault.match, method, path));
    if (!active) return undefined;
    active.remaining -= 1;
    if (active.remaining <= 0) this.faults = this.faults.filter((f) => f !== active);
    return active.fault;
  }
}

function matches(match: SandboxFaultMatch | undefined, method: string, path: string): boolean {
  if (match?.method && match.method.toUpperCase() !== method) return false;
  if (match?.path === undefined) return true;
  if (match.path instanceof RegExp) {
    match.path.lastIndex = 0;
    return match.path.test(path);
  }
  if (!match.path.includes('*')) return match.path === path;
  return globToRegExp(match.path).test(path);
}

function globToRegExp(glob: string): RegExp {
  const source = glob
    .split(/(\*\*|\*)/)
    .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/** The error answer of a `status` fault: Yuno's body with the code Yuno uses for that status. */
export function faultStatusResponse(fault: Extract<SandboxFault, { type: 'status' }>): Response {
  const code =
    fault.code ?? DEFAULT_CODES[fault.status] ?? (fault.status >= 500 ? 'INTERNAL_ERROR' : 'INVALID_REQUEST');
  const headers: Record<string, string> =
    fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) };
  return errorResponse(fault.status, code, fault.messages ?? [`Sandbox fault: HTTP ${fault.status}`], headers);
}

/** Rewrites a real JSON answer the way a body fault asks; other answers pass unchanged. */
export async function applyBodyFault(
  fault: Extract<SandboxFault, { type: 'malformed_json' | 'extra_fields' | 'missing_fields' }>,
  response: Response,
): Promise<Response> {
  if (!(response.headers.get('content-type') ?? '').includes('application/json')) return response;
  const text = await response.text();
  const headers = { ...CORS_HEADERS, 'content-type': 'application/json' };
  if (fault.type === 'malformed_json') {
    // A body cut off half-way, as a dropped connection or a broken proxy leaves it; the status still says success.
    const status = response.status >= 200 && response.status < 300 ? response.status : 200;
    return new Response(text.slice(0, Math.max(1, Math.floor(text.length / 2))), { status, headers });
  }
  const body = JSON.parse(text) as unknown;
  const rewrite = (value: unknown): unknown => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
    const copy = { ...(value as Record<string, unknown>) };
    if (fault.type === 'extra_fields') {
      copy.sandbox_unexpected_field = 'sandbox';
      copy.sandbox_unexpected_object = { nested: true, list: [1, 2, 3] };
    } else {
      for (const field of fault.fields) delete copy[field];
    }
    return copy;
  };
  const changed = Array.isArray(body) ? body.map(rewrite) : rewrite(body);
  return new Response(JSON.stringify(changed), { status: response.status, headers });
}
