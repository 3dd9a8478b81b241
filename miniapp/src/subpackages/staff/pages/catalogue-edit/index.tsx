import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useEffect } from 'react';
import { goStaffCatalogueSlots, replaceWithCatalogueSlots } from '../../../../navigation';
import { ServiceEditor } from '../../catalogue/ServiceEditor';

/** 新增服务 (no `id`) / 编辑服务 (`?id=`). A new service goes on to its slots. */
export default function CatalogueEditPage() {
  const { params } = useRouter();
  const id = params.id ? Number(params.id) : null;

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: id ? '编辑服务' : '新增服务' })?.catch?.(() => undefined);
  }, [id]);

  return (
    <View className='gz-page'>
      <ServiceEditor serviceId={id} onCreated={(service) => void replaceWithCatalogueSlots(service.id)} onOpenSlots={goStaffCatalogueSlots} />
    </View>
  );
}
