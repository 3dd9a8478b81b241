import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useRef } from 'react';
import { SlotsManager, type SlotsManagerHandle } from '../../catalogue/SlotsManager';

/** 时段管理 of one service (`?id=`): recurring rules, one-off slots, the upcoming slots (14 days at a time). */
export default function CatalogueSlotsPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const manager = useRef<SlotsManagerHandle>(null);

  usePullDownRefresh(async () => {
    await manager.current?.reload();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => {
    void manager.current?.loadMore();
  });

  return (
    <View className='gz-page'>
      <SlotsManager ref={manager} serviceId={id} />
    </View>
  );
}
