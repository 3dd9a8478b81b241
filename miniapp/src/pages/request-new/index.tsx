import { Text, View } from '@tarojs/components';
import { useEffect } from 'react';
import { createRequest } from '../../api/endpoints';
import { EmptyState } from '../../components/EmptyState';
import { RequestForm } from '../../components/RequestForm';
import { goBindHome, replaceWithRequestDetail } from '../../navigation';
import { useSession } from '../../session/session';
import { askForSubscription, prefetchSubscribeTemplates } from '../../session/subscriptions';
import { toastSuccess } from '../../utils/confirm';

export default function NewRequestPage() {
  const { me } = useSession();

  // weapp: the template ids must be at hand when 提交 is tapped (the opt-in prompt opens inside the tap)
  useEffect(() => {
    void prefetchSubscribeTemplates();
  }, []);

  if (me && !me.home) {
    return (
      <View className='gz-page'>
        <EmptyState
          title='请先绑定您的住址'
          description='绑定后，您反映的问题会直接派给所在网格的网格长。'
          actionText='去绑定住址'
          onAction={goBindHome}
        />
      </View>
    );
  }

  return (
    <View className='gz-page'>
      {me?.home ? (
        <View className='gz-card'>
          <Text className='gz-hint'>反映地址</Text>
          <Text>{me.home.address}</Text>
          {me.home.gridLeaderName ? (
            <Text className='gz-hint'>将派给 {me.home.gridName} 网格长 {me.home.gridLeaderName}</Text>
          ) : null}
        </View>
      ) : null}
      <RequestForm
        onSubmit={async (values) => {
          // the 提交 tap also asks (weapp) whether to receive progress messages; never waited on, never fatal
          void askForSubscription('REQUEST_UPDATE');
          const created = await createRequest(values);
          toastSuccess('已提交');
          void replaceWithRequestDetail(created.id);
        }}
      />
    </View>
  );
}
