import { redactCardData } from '../core/redact';
import { YunoError, isYunoError } from '../core/YunoError';

const MAX_DETAIL_LENGTH = 300;

/**
 * A `YunoError` of kind `sdk` for anything the SDK threw (a `YunoError` passes through). The SDK's own words are kept
 * with the call's card number and CVV, and anything shaped like card data, masked. The original error is not kept as
 * the cause: the SDK's errors may carry the request they failed on.
 */
export function toSdkError(error: unknown, action: string, secrets: ReadonlyArray<string | undefined> = []): YunoError {
  if (isYunoError(error)) return error;
  const details = detailsOf(error)
    .map((text) => mask(text, secrets))
    .filter((text) => text.length > 0);
  const code = codeOf(error);
  const summary = details.join('; ').slice(0, MAX_DETAIL_LENGTH);
  return new YunoError({
    kind: 'sdk',
    message: `Yuno's Web SDK could not ${action}${summary ? `: ${summary}` : ''}`,
    ...(code !== undefined ? { yunoCode: code } : {}),
    messages: details,
  });
}

function detailsOf(error: unknown): string[] {
  if (typeof error === 'string') return [error];
  if (error === null || typeof error !== 'object') return [];
  const record = error as { message?: unknown; messages?: unknown };
  if (Array.isArray(record.messages)) {
    const messages = record.messages.filter((m): m is string => typeof m === 'string');
    if (messages.length > 0) return messages;
  }
  return typeof record.message === 'string' ? [record.message] : [];
}

/** Yuno's error code when the SDK passed on an API error body (`{ code: 'INVALID_REQUEST', messages }`). */
function codeOf(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object' || error instanceof Error) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(code) ? code : undefined;
}

function mask(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let masked = text;
  for (const secret of secrets) {
    const digits = secret?.replace(/[\s-]/g, '');
    if (digits && digits.length >= 3) masked = masked.split(digits).join('[redacted]');
  }
  return redactCardData(masked).trim();
}
