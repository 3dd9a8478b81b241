import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ErrorCode, Role, SERVICE_KIND_LABELS, ServiceKind, type ServiceOfferingView } from '@gezhi/shared';
import { ApiError } from '../../../../api/client';
import { listServices } from '../../../../api/endpoints';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { LoadState } from '../../../../components/LoadState';
import { SignInRequiredPage } from '../../../../components/SignInRequired';
import { useRemote } from '../../../../hooks/useRemote';
import { goService, goServiceAsk } from '../../../../navigation';
import { useSession } from '../../../../session/session';
import { Button } from '../../../../ui/nutui';
import { BindHomePrompt } from '../../components/BindHomePrompt';
import { ServiceCard } from '../../components/ServiceCard';
import '../../services.scss';

type KindFilter = ServiceKind | 'ALL';

/** the catalogue's kinds in the order residents know them (seed 002) */
const KIND_ORDER: ServiceKind[] = [ServiceKind.DoorToDoor, ServiceKind.Proxy, ServiceKind.Appointment, ServiceKind.OffHours, ServiceKind.Bundle];

/** 便民服务: the services of the resident's community, filterable by kind, eligibility shown on each. */
export default function ServiceCataloguePage() {
  const { signedIn, me } = useSession();
  const unbound = me?.role === Role.Resident && !me.home;
  const services = useRemote(listServices, [], signedIn && !unbound);
  const [kind, setKind] = useState<KindFilter>('ALL');

  usePullDownRefresh(async () => {
    if (signedIn && !unbound) await services.reload();
    Taro.stopPullDownRefresh();
  });

  if (!signedIn) return <SignInRequiredPage />;
  const notBound = services.error instanceof ApiError && services.error.code === ErrorCode.HomeNotBound;
  if (unbound || notBound) return <BindHomePrompt />;

  const all = services.data ?? [];
  const kinds = KIND_ORDER.filter((k) => all.some((s) => s.kind === k));
  const options = [{ value: 'ALL' as KindFilter, label: '全部' }, ...kinds.map((k) => ({ value: k as KindFilter, label: SERVICE_KIND_LABELS[k] }))];
  // a filter whose kind disappeared after a refresh falls back to 全部
  const selected: KindFilter = kind === 'ALL' || kinds.includes(kind) ? kind : 'ALL';
  const sections: { kind: ServiceKind; items: ServiceOfferingView[] }[] = kinds
    .filter((k) => selected === 'ALL' || selected === k)
    .map((k) => ({ kind: k, items: all.filter((s) => s.kind === k) }));

  return (
    <View className='gz-page gz-service-catalogue'>
      <LoadState
        loading={services.loading && !services.data}
        error={services.data ? null : services.error}
        onRetry={services.reload}
        isEmpty={all.length === 0}
        emptyTitle='社区暂未发布便民服务'
        emptyDescription='有需要的服务，可以告诉我们，网格长会帮您联系安排。'
        emptyActionText='提出服务需求'
        onEmptyAction={goServiceAsk}
      >
        {kinds.length > 1 ? <ChoiceChips className='gz-kind-filter' options={options} value={selected} onChange={setKind} /> : null}
        {sections.map((section) => (
          <View key={section.kind} className={`gz-kind-section gz-kind-section--${section.kind.toLowerCase()}`}>
            <Text className='gz-kind-section-title'>{SERVICE_KIND_LABELS[section.kind]}</Text>
            {section.items.map((service) => (
              <ServiceCard key={service.id} service={service} tags={me?.tags} onClick={() => goService(service.id)} />
            ))}
          </View>
        ))}
        <View className='gz-card gz-service-ask-entry'>
          <Text className='gz-section-title'>没有找到想要的服务？</Text>
          <Text className='gz-hint'>告诉我们您需要什么，网格长会帮您联系安排。</Text>
          <Button className='gz-service-ask' type='primary' fill='outline' size='large' block onClick={goServiceAsk}>
            提出服务需求
          </Button>
        </View>
      </LoadState>
    </View>
  );
}
