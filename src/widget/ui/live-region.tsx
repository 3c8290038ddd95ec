/** The widget's single polite live region: screen readers hear every call-status change. */
export function LiveRegion({ message }: { message: string }) {
  return (
    <div className="cvw-sr-only" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
