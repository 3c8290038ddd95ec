/**
 * Waiting that a cancelled start stops at once: the session's one AbortSignal cuts every await of a
 * call's start short, while the awaited work itself may still finish (and is then undone by whoever
 * aborted).
 */

/** Resolves with `work`, or rejects with the signal's reason as soon as `signal` is aborted. */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
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

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The call start was cancelled.', 'AbortError');
}
