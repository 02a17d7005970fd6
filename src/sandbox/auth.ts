import type { SandboxRuntime } from './runtime';
import { SandboxHttpError, badRequest } from './SandboxHttpError';

const invalidCredentials = () => new SandboxHttpError(401, 'INVALID_CREDENTIALS', ['Invalid credentials']);

/** Yuno's REST API: both keys on every call. */
export function requirePrivateCredentials(rt: SandboxRuntime, request: Request): void {
  if (
    request.headers.get('public-api-key') !== rt.publicApiKey ||
    request.headers.get('private-secret-key') !== rt.privateSecretKey
  ) {
    throw invalidCredentials();
  }
}

/** What Yuno's Web SDK calls with: the public key alone. */
export function requirePublicKey(rt: SandboxRuntime, request: Request): void {
  if (request.headers.get('public-api-key') !== rt.publicApiKey) throw invalidCredentials();
}

/** `account_id` where Yuno requires it in the body; a present but foreign one is refused too. */
export function requireAccountId(rt: SandboxRuntime, accountId: unknown): void {
  if (accountId !== rt.accountId) {
    throw badRequest('INVALID_ACCOUNT_ID', 'The account_id does not belong to these credentials');
  }
}
