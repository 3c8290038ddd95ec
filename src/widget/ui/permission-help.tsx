/** Browser-specific guidance for a blocked camera or microphone, with the way forward. */
import type { EngineErrorCode } from '../../call-engine/call-types';
import type { Strings } from '../strings/strings';

/** Which guidance text applies to this browser. */
export function browserHelp(t: Strings, userAgent: string): string {
  if (/Firefox\//.test(userAgent)) return t.permissionHelpFirefox;
  if (/Chrome\/|Chromium\/|Edg\//.test(userAgent)) return t.permissionHelpChrome;
  if (/Safari\//.test(userAgent)) return t.permissionHelpSafari;
  return t.permissionHelpOther;
}

/** How to allow the camera or microphone in this browser, and Try again. */
export function PermissionHelp({
  t,
  code,
  onRetry,
}: {
  t: Strings;
  code: EngineErrorCode;
  onRetry: () => void;
}) {
  const ua = typeof navigator === 'undefined' ? '' : navigator.userAgent;
  const text =
    code === 'permission-denied'
      ? t.permissionDenied
      : code === 'device-not-found'
        ? t.deviceNotFound
        : code === 'device-in-use'
          ? t.deviceInUse
          : t.joinFailed;
  return (
    <div className="cvw-alert" role="alert">
      <p>{text}</p>
      {code === 'permission-denied' && <p>{browserHelp(t, ua)}</p>}
      <button type="button" className="cvw-button" onClick={onRetry}>
        {t.tryAgain}
      </button>
    </div>
  );
}
