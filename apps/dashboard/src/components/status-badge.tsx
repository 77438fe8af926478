// The stream status badge: Active, Paused or Suspended (with the reason as a tooltip and text).
import type { StreamStatus } from '../api/types';

const LABEL: Record<StreamStatus, string> = { active: 'Active', paused: 'Paused', suspended: 'Suspended' };

export function StatusBadge({ status, reason, showReason }: { status: StreamStatus; reason?: string | undefined; showReason?: boolean }) {
  return (
    <span className="status">
      <span className={`badge badge-${status}`} title={reason} data-testid="status-badge">
        <span className="badge-dot" aria-hidden />
        {LABEL[status]}
      </span>
      {showReason && status === 'suspended' && reason ? <span className="status-reason">{reason}</span> : null}
    </span>
  );
}
