import { View } from '@tarojs/components';
import { goHome } from '../../navigation';
import { EmptyState } from '../EmptyState';

/** A whole page for a tab that needs a signed-in user: says so and leads to the login on 首页. */
export function SignInRequiredPage() {
  return (
    <View className='gz-page'>
      <EmptyState title='请先登录' actionText='去登录' onAction={goHome} />
    </View>
  );
}
