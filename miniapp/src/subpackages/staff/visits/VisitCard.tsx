import { Text, View } from '@tarojs/components';
import type { ProviderVisitView } from '@gezhi/shared';
import { BookingStatusTag } from '../../../components/BookingStatusTag';
import { slotTimeText, visitsHome } from '../../../utils/service-format';

/** Where the provider goes: the bound home for 上门 / 打包, else the resident's home as a contact address. */
export function AddressLine({ visit }: { visit: ProviderVisitView }) {
  const home = visitsHome(visit.service.kind);
  return (
    <View className={`gz-visit-address ${home ? 'gz-visit-address--home' : ''}`}>
      <Text className='gz-visit-address__label'>{home ? '上门地址' : '居民住址'}</Text>
      <Text className='gz-visit-address__text'>{visit.address ?? '居民未绑定住址'}</Text>
    </View>
  );
}

/** One visit on the day plan: time, service and kind, the address (prominent), the resident (masked), their note. */
export function VisitCard({ visit, onClick }: { visit: ProviderVisitView; onClick: () => void }) {
  const components = visit.service.components.map((c) => c.name).join('、');
  return (
    <View className={`gz-visit-card gz-visit-card--${visit.status.toLowerCase()}`} onClick={onClick}>
      <View className='gz-row-between'>
        <Text className='gz-visit-card__time'>{slotTimeText(visit)}</Text>
        <BookingStatusTag status={visit.status} label={visit.statusLabel} />
      </View>
      <View className='gz-visit-card__service'>
        <Text className='gz-visit-card__name'>{visit.service.name}</Text>
        <Text className='gz-visit-kind'>{visit.service.kindLabel}</Text>
      </View>
      {components ? <Text className='gz-hint'>包含：{components}</Text> : null}
      <AddressLine visit={visit} />
      <Text className='gz-visit-card__resident'>
        {visit.residentName}
        {visit.residentPhoneMasked ? ` · ${visit.residentPhoneMasked}` : ''}
      </Text>
      {visit.note ? <Text className='gz-visit-card__note'>居民留言：{visit.note}</Text> : null}
    </View>
  );
}
