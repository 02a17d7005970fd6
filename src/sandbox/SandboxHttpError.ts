/**
 * An answer other than success, thrown anywhere below a route and turned into Yuno's error body
 * `{ code, messages }` by the router.
 */
export class SandboxHttpError extends Error {
  override readonly name = 'SandboxHttpError';
  readonly status: number;
  readonly code: string;
  readonly messages: string[];

  constructor(status: number, code: string, messages: string[]) {
    super(`${status} ${code}: ${messages.join('; ')}`);
    this.status = status;
    this.code = code;
    this.messages = messages;
  }
}

/** 400 with Yuno's code: most of Yuno's "not found" and business errors are 400s. */
export function badRequest(code: string, ...messages: string[]): SandboxHttpError {
  return new SandboxHttpError(400, code, messages);
}
