import { Text, View } from '@tarojs/components';
import type { ResidentTag, ServiceOfferingView } from '@gezhi/shared';
import { durationText, eligibilityText, ineligibleReason, isPriorityFor, providerText } from '../../../utils/service-format';

export interface ServiceCardProps {
  service: ServiceOfferingView;
  /** the resident's tags (Me.tags): 「您属于优先服务对象」 */
  tags?: readonly ResidentTag[];
  /** the catalogue: opens the service; absent on the service's own page */
  onClick?: () => void;
}

/**
 * One catalogue entry: name, kind, description, duration, provider, who may book; greyed with the reason when the
 * resident is not eligible (eligibleForMe false). Hook: `gz-service-card` (`--ineligible`).
 */
export function ServiceCard({ service, tags, onClick }: ServiceCardProps) {
  const reason = ineligibleReason(service);
  const priority = !reason && isPriorityFor(service, tags);
  return (
    <View
      className={`gz-card gz-service-card gz-service-card--${service.kind.toLowerCase()} ${reason ? 'gz-service-card--ineligible' : ''}`}
      onClick={onClick}
    >
      <View className='gz-service-card__head'>
        <Text className='gz-service-card__name'>{service.name}</Text>
        <Text className='gz-service-card__kind'>{service.kindLabel}</Text>
      </View>
      <Text className='gz-service-card__description'>{service.description}</Text>
      <View className='gz-service-card__meta'>
        <Text>时长：{durationText(service.durationMinutes)}</Text>
        <Text>提供：{providerText(service.provider)}</Text>
        {service.requiredDocuments.length ? <Text>需准备：{service.requiredDocuments.join('、')}</Text> : null}
      </View>
      <Text className='gz-service-card__eligibility'>{eligibilityText(service.eligibility)}</Text>
      {priority ? <Text className='gz-service-card__priority'>您属于优先服务对象</Text> : null}
      {reason ? <Text className='gz-service-card__ineligible'>{reason}</Text> : null}
      {onClick && !reason ? <Text className='gz-service-card__go'>查看时段并预约 ›</Text> : null}
    </View>
  );
}
