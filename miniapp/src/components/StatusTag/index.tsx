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

export function StatusTag({ status }: { status: RequestStatus }) {
  return (
    <Tag className={`gz-status-tag gz-status-tag--${status.toLowerCase()}`} type={STATUS_TAG_TYPES[status]} round>
      {STATUS_LABELS[status]}
    </Tag>
  );
}
