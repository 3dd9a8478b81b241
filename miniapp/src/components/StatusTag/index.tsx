import { RequestStatus, STATUS_LABELS } from '@gezhi/shared';
import { Tag } from '../../ui/nutui';

type TagType = 'default' | 'primary' | 'info' | 'success' | 'warning' | 'danger';

const STATUS_TAG_TYPES: Record<RequestStatus, TagType> = {
  [RequestStatus.PendingAccept]: 'warning',
  [RequestStatus.InProgress]: 'primary',
  [RequestStatus.Whistled]: 'info',
  [RequestStatus.Resolved]: 'success',
  [RequestStatus.Closed]: 'default',
  [RequestStatus.Rejected]: 'danger',
  [RequestStatus.Cancelled]: 'default',
};

/** `label` overrides the status name, e.g. the resident's plain-language `statusLabel` (已上报社区协调). */
export function StatusTag({ status, label }: { status: RequestStatus; label?: string | null }) {
  return (
    <Tag className={`gz-status-tag gz-status-tag--${status.toLowerCase()}`} type={STATUS_TAG_TYPES[status]} round>
      {label || STATUS_LABELS[status]}
    </Tag>
  );
}
