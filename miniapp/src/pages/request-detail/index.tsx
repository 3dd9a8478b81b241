import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { RequestAction } from '@gezhi/shared';
import { cancelRequest, rateRequest } from '../../api/endpoints';
import { LoadState } from '../../components/LoadState';
import { RatingForm } from '../../components/RatingForm';
import { RequestDetailView } from '../../components/RequestDetailView';
import { useRequestDetail } from '../../hooks/useRequestDetail';
import { Button } from '../../ui/nutui';
import { confirmAction } from '../../utils/confirm';

/** The resident's view of one item: progress, and rating or withdrawing when allowed. */
export default function RequestDetailPage() {
  const { id, detail, perform } = useRequestDetail();
  const request = detail.data;

  usePullDownRefresh(async () => {
    await detail.reload();
    Taro.stopPullDownRefresh();
  });

  const cancel = async () => {
    const ok = await confirmAction({
      title: '撤回诉求',
      content: '撤回后网格长将不再处理这条诉求，确定撤回吗？',
      confirmText: '确定撤回',
    });
    if (ok) await perform(() => cancelRequest(id), '已撤回').catch(() => undefined);
  };

  return (
    <View className='gz-page'>
      <LoadState loading={detail.loading && !request} error={request ? null : detail.error} onRetry={detail.reload}>
        {request ? (
          <>
            <RequestDetailView request={request} />
            {request.availableActions.includes(RequestAction.Rate) ? (
              <RatingForm onSubmit={(body) => perform(() => rateRequest(id, body), '感谢您的评价')} />
            ) : null}
            {request.availableActions.includes(RequestAction.Cancel) ? (
              <Button className='gz-cancel' type='danger' fill='outline' size='large' block onClick={cancel}>
                撤回诉求
              </Button>
            ) : null}
          </>
        ) : null}
      </LoadState>
    </View>
  );
}
