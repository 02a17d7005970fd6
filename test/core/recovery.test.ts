import { describe, expect, it } from 'vitest';
import { YunoError } from 'yuno-react';
import { getErrorRecovery } from 'yuno-react/core';

const httpError = (status: number, yunoCode: string) =>
  new YunoError({ kind: 'http', status, yunoCode, message: `${status} ${yunoCode}` });

describe('getErrorRecovery', () => {
  it('starts a fresh checkout when the routes no longer know this browser’s session (404 NOT_FOUND)', () => {
    expect(getErrorRecovery(httpError(404, 'NOT_FOUND'))).toBe('new_session');
  });

  it('keeps Yuno’s own 400 not-found answers and used sessions apart', () => {
    expect(getErrorRecovery(httpError(400, 'CHECKOUT_SESSION_NOT_FOUND'))).toBe('new_session');
    expect(getErrorRecovery(httpError(400, 'NOT_FOUND'))).toBe('edit_details');
    expect(getErrorRecovery(httpError(400, 'INVALID_PARAMETERS'))).toBe('edit_details');
    expect(getErrorRecovery(httpError(401, 'INVALID_CREDENTIALS'))).toBe('unavailable');
  });
});
