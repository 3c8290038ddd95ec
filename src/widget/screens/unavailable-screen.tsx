/**
 * What can be known before Join is shown on opening, in the customer's words: this site may not use
 * the service (origin refused), the entry point does not exist, or the service cannot be reached.
 * The technical detail goes to the console and the host page's `cvc-error` event (see widget-root).
 */
import { ApiClientError } from '../../api/api-fetch';
import type { Strings } from '../strings/strings';

/** Which customer-facing reason an entry-point lookup failure is. */
function unavailableReason(error: Error): 'origin' | 'entry-point' | 'unreachable' | 'other' {
  if (!(error instanceof ApiClientError)) return 'other';
  if (error.errorName === 'AccessDeniedException' || error.errorName === 'OriginNotAllowed')
    return 'origin';
  if (error.errorName === 'ResourceNotFoundException') return 'entry-point';
  return error.status === 0 ? 'unreachable' : 'other';
}

/** Why calls cannot be offered, and the actions offered. */
export interface UnavailableProps {
  t: Strings;
  error: Error;
  onRetry: () => void;
  onClose: () => void;
}

/**
 * Calls cannot be offered here (origin refused, no such entry point, service unreachable): why, and
 * what to do.
 */
export function UnavailableScreen({ t, error, onRetry, onClose }: UnavailableProps) {
  const reason = unavailableReason(error);
  const text =
    reason === 'origin'
      ? t.originRefused
      : reason === 'entry-point'
        ? t.entryPointUnknown
        : reason === 'unreachable'
          ? t.backendUnreachable
          : t.joinFailed;
  const canRetry = reason === 'unreachable' || reason === 'other';
  return (
    <section className="cvw-screen cvw-unavailable" aria-labelledby="cvw-unavailable-title">
      <div className="cvw-ended-body">
        <h3 id="cvw-unavailable-title" className="cvw-screen-title">
          {reason === 'unreachable' || reason === 'other' ? t.errorTitle : t.unavailableTitle}
        </h3>
        <p className="cvw-alert" role="alert" data-testid="unavailable">
          {text}
        </p>
      </div>
      <div className="cvw-footer cvw-row">
        <button type="button" className="cvw-button" onClick={onClose}>
          {t.closeShort}
        </button>
        {canRetry && (
          <button type="button" className="cvw-button cvw-primary" onClick={onRetry}>
            {t.tryAgain}
          </button>
        )}
      </div>
    </section>
  );
}
