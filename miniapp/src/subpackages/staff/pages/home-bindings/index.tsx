import { Text, View } from '@tarojs/components';
import { listUnverifiedHomes } from '../../../../api/endpoints';
import { LoadState } from '../../../../components/LoadState';
import { useRemote } from '../../../../hooks/useRemote';
import { useOnReturn } from '../../../../hooks/useOnReturn';
import { UnverifiedHomeCard } from '../../home-bindings/UnverifiedHomeCard';
import '../../home-bindings/home-bindings.scss';

/**
 * 住户核实: residents who bound a home in the viewer's scope that nobody has confirmed yet. They can already file
 * (their items show 「未核实住户」 in the inbox); the grid worker confirms they live there (确认) or removes the
 * binding (驳回).
 */
export default function StaffHomeBindingsPage() {
  const homes = useRemote(() => listUnverifiedHomes(), []);
  useOnReturn(() => void homes.reload());
  const items = homes.data ?? [];

  return (
    <View className='gz-page gz-home-bindings'>
      <View className='gz-card'>
        <Text className='gz-inbox__level'>住户核实</Text>
        <Text className='gz-hint'>新绑定房屋的居民，请确认其确实住在该房屋{items.length > 0 ? `（共 ${items.length} 户）` : ''}</Text>
      </View>
      <LoadState
        loading={homes.loading}
        error={homes.error}
        onRetry={homes.reload}
        isEmpty={items.length === 0}
        emptyTitle='没有待核实的住户'
        emptyDescription='居民绑定本网格的房屋后会出现在这里'
      >
        {items.map((home) => (
          <UnverifiedHomeCard key={home.residentUserId} home={home} onDecided={() => void homes.reload()} />
        ))}
      </LoadState>
    </View>
  );
}
