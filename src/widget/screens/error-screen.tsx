/** A failed start or join, with the message that applies and the way forward. */
import type { SessionError } from '../call-session-types';
import type { Strings } from '../strings/strings';
import { PermissionHelp } from '../ui/permission-help';

/** A session error in words the customer can act on. */
export function errorText(t: Strings, error: SessionError): string {
  if (error.kind === 'backend')
    return error.unreachable ? t.backendUnreachable : t.backendError(error.message);
  return t.joinFailed;
}

/**
 * A call that could not start or stopped: what happened and what to do (with help for a refused
 * device).
 */
export function ErrorScreen({
  t,
  error,
  onRetry,
  onBack,
}: {
  t: Strings;
  error: SessionError;
  onRetry: () => void;
  onBack: () => void;
}) {
  if (error.kind === 'device') {
    return (
      <section className="cvw-screen" aria-labelledby="cvw-error-title">
        <h3 id="cvw-error-title" className="cvw-screen-title">
          {t.errorTitle}
        </h3>
        <PermissionHelp t={t} code={error.code} onRetry={onRetry} />
      </section>
    );
  }
  const canRetry = error.kind !== 'backend' || error.retryable;
  return (
    <section className="cvw-screen" aria-labelledby="cvw-error-title">
      <h3 id="cvw-error-title" className="cvw-screen-title">
        {t.errorTitle}
      </h3>
      <p className="cvw-alert" role="alert">
        {errorText(t, error)}
      </p>
      <div className="cvw-row">
        {canRetry && (
          <button type="button" className="cvw-button cvw-primary" onClick={onRetry}>
            {t.tryAgain}
          </button>
        )}
        <button type="button" className="cvw-button" onClick={onBack}>
          {t.callAgain}
        </button>
      </div>
    </section>
  );
}
