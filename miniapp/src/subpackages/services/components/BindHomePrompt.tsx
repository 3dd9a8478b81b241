import { View } from '@tarojs/components';
import { EmptyState } from '../../../components/EmptyState';
import { goBindHome } from '../../../navigation';

/** A whole page for a resident without a bound home (HOME_NOT_BOUND): services are offered per community. */
export function BindHomePrompt({ description = '便民服务按您所在的社区提供，绑定住址后即可查看和预约。' }: { description?: string }) {
  return (
    <View className='gz-page gz-bind-home-prompt'>
      <EmptyState title='请先绑定您的住址' description={description} actionText='去绑定住址' onAction={goBindHome} />
    </View>
  );
}
