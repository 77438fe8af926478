// The stream status badge: Active, Retrying, Failing, Paused or Suspended (with the reason or last error as a tooltip and text).
import type { DisplayStatus } from '../lib/delivery-status';
import { STATUS_LABEL } from '../lib/delivery-status';

export function StatusBadge({
  status,
  reason,
  error,
  showReason,
}: {
  status: DisplayStatus;
  reason?: string | undefined;
  /** The last delivery error, shown while Retrying or Failing. */
  error?: string | undefined;
  showReason?: boolean;
}) {
  const detail = status === 'suspended' ? reason : status === 'retrying' || status === 'failing' ? error : undefined;
  return (
    <span className="status">
      <span className={`badge badge-${status}`} title={detail} data-testid="status-badge" data-status={status}>
        <span className="badge-dot" aria-hidden />
        {STATUS_LABEL[status]}
      </span>
      {showReason && detail ? (
        <span className={`status-reason status-reason-${status}`} data-testid="status-reason">
          {detail}
        </span>
      ) : null}
    </span>
  );
}
