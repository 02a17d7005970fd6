import { YunoError } from '../core/YunoError';

/** Settles like `promise`, or rejects with an `aborted` YunoError as soon as `signal` aborts. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  const aborted = () =>
    new YunoError({ kind: 'aborted', message: "The call to Yuno's Web SDK was aborted; its result is ignored" });
  if (signal.aborted) {
    // The SDK call runs on regardless; its outcome is not wanted.
    promise.catch(() => undefined);
    return Promise.reject(aborted());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
