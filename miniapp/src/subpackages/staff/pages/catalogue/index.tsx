import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Role, SERVICE_KIND_LABELS, type ServiceOfferingView } from '@gezhi/shared';
import { listServices } from '../../../../api/endpoints';
import { LoadState } from '../../../../components/LoadState';
import { useRemote } from '../../../../hooks/useRemote';
import { goStaffCatalogueEdit } from '../../../../navigation';
import { useSession } from '../../../../session/session';
import { Button } from '../../../../ui/nutui';
import { durationText, eligibilityText, providerText } from '../../../../utils/service-format';
import '../../catalogue/catalogue.scss';
import { useOnReturn } from '../../../../hooks/useOnReturn';

/** active services first, each group in the catalogue's order */
const byState = (a: ServiceOfferingView, b: ServiceOfferingView) => Number(b.active) - Number(a.active) || a.id - b.id;

function CatalogueItem({ service }: { service: ServiceOfferingView }) {
  return (
    <View
      className={`gz-card gz-catalogue-item ${service.active ? '' : 'gz-catalogue-item--inactive'}`}
      onClick={() => goStaffCatalogueEdit(service.id)}
    >
      <View className='gz-row-between'>
        <Text className='gz-catalogue-item__name'>{service.name}</Text>
        <Text className='gz-catalogue-kind'>{SERVICE_KIND_LABELS[service.kind]}</Text>
      </View>
      <Text className='gz-catalogue-item__meta'>
        {providerText(service.provider)} · {durationText(service.durationMinutes)}
      </Text>
      <Text className='gz-catalogue-item__meta'>{eligibilityText(service.eligibility)}</Text>
      {service.active ? null : <Text className='gz-catalogue-state gz-catalogue-state--inactive'>已停用</Text>}
    </View>
  );
}

/** 服务清单管理 (community officers): every service of the community, 已停用 ones last; tap one to edit it. */
export default function CataloguePage() {
  const { me } = useSession();
  const officer = me?.role === Role.CommunityOfficer;
  const services = useRemote(listServices, []);
  // back from the editor (saved, created, 停用): show the current catalogue
  useOnReturn(() => {
    void services.reload();
  });
  usePullDownRefresh(async () => {
    await services.reload();
    Taro.stopPullDownRefresh();
  });

  const list = [...(services.data ?? [])].sort(byState);
  const inactive = list.filter((s) => !s.active).length;

  return (
    <View className='gz-page gz-catalogue'>
      <View className='gz-card gz-catalogue__head'>
        <View className='gz-catalogue__summary'>
          <Text className='gz-catalogue__title'>本社区服务清单</Text>
          <Text className='gz-hint'>
            {services.data ? `共 ${list.length} 项${inactive ? `，其中 ${inactive} 项已停用` : ''}` : '加载中…'}
          </Text>
        </View>
        {officer ? (
          <Button className='gz-catalogue-add' type='primary' size='large' onClick={() => goStaffCatalogueEdit()}>
            新增服务
          </Button>
        ) : null}
      </View>
      {officer ? null : <Text className='gz-hint'>服务清单由社区工作人员维护</Text>}
      <LoadState
        loading={services.loading && !services.data}
        error={services.error}
        onRetry={services.reload}
        isEmpty={list.length === 0}
        emptyTitle='还没有服务'
        emptyDescription='新增上门、代办、预约、错时或打包服务，居民即可在线预约'
        emptyActionText={officer ? '新增服务' : undefined}
        onEmptyAction={officer ? () => goStaffCatalogueEdit() : undefined}
      >
        {list.map((service) => (
          <CatalogueItem key={service.id} service={service} />
        ))}
      </LoadState>
    </View>
  );
}
