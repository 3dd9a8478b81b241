import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { LIMITS, RequestAction } from '@gezhi/shared';
import { acceptRequest, addProgress, rejectRequest, resolveRequest } from '../../../../api/endpoints';
import { LoadState } from '../../../../components/LoadState';
import { NoteForm } from '../../../../components/NoteForm';
import { RequestDetailView } from '../../../../components/RequestDetailView';
import { useRequestDetail } from '../../../../hooks/useRequestDetail';
import { Button } from '../../../../ui/nutui';

type OpenForm = 'progress' | 'resolve' | 'reject' | null;

/** Staff view of one item: the same detail and timeline, with buttons from `availableActions`. */
export default function StaffRequestDetailPage() {
  const { id, detail, perform } = useRequestDetail();
  const [openForm, setOpenForm] = useState<OpenForm>(null);
  const [accepting, setAccepting] = useState(false);
  const request = detail.data;
  const can = (action: RequestAction) => request?.availableActions.includes(action) ?? false;

  usePullDownRefresh(async () => {
    await detail.reload();
    Taro.stopPullDownRefresh();
  });

  const accept = async () => {
    setAccepting(true);
    await perform(() => acceptRequest(id), '已签收').catch(() => undefined);
    setAccepting(false);
  };

  /** Sends a note-form action; the form stays open (showing the error) if it fails. */
  const submitAndClose = async (action: () => ReturnType<typeof acceptRequest>, successText: string) => {
    await perform(action, successText);
    setOpenForm(null);
  };

  return (
    <View className='gz-page'>
      <LoadState loading={detail.loading && !request} error={request ? null : detail.error} onRetry={detail.reload}>
        {request ? (
          <>
            <RequestDetailView request={request} forStaff />

            {openForm === 'progress' ? (
              <NoteForm
                title='更新进展'
                placeholder='写下目前的处理情况，居民会收到通知'
                submitText='提交进展'
                onCancel={() => setOpenForm(null)}
                onSubmit={(body) => submitAndClose(() => addProgress(id, body), '进展已更新')}
              />
            ) : null}
            {openForm === 'resolve' ? (
              <NoteForm
                title='办结'
                placeholder='写明办理结果，可附上现场照片作为凭证'
                submitText='确认办结'
                onCancel={() => setOpenForm(null)}
                onSubmit={(body) => submitAndClose(() => resolveRequest(id, body), '已办结，等待居民评价')}
              />
            ) : null}
            {openForm === 'reject' ? (
              <NoteForm
                title='驳回'
                placeholder={`请写明驳回理由（${LIMITS.reasonMin}–${LIMITS.reasonMax} 字），居民会看到`}
                submitText='确认驳回'
                minLength={LIMITS.reasonMin}
                maxLength={LIMITS.reasonMax}
                maxPhotos={0}
                danger
                confirm={{ title: '驳回诉求', content: '驳回后该诉求将结束办理，确定驳回吗？' }}
                onCancel={() => setOpenForm(null)}
                onSubmit={(body) => submitAndClose(() => rejectRequest(id, { reason: body.note }), '已驳回')}
              />
            ) : null}

            {openForm === null ? (
              <View className='gz-staff-actions'>
                {can(RequestAction.Accept) ? (
                  <Button className='gz-action-accept' type='primary' size='xlarge' block loading={accepting} onClick={accept}>
                    签收
                  </Button>
                ) : null}
                {can(RequestAction.AddProgress) ? (
                  <Button className='gz-action-progress' type='primary' fill='outline' size='large' block onClick={() => setOpenForm('progress')}>
                    更新进展
                  </Button>
                ) : null}
                {can(RequestAction.Resolve) ? (
                  <Button className='gz-action-resolve' type='success' size='xlarge' block onClick={() => setOpenForm('resolve')}>
                    办结
                  </Button>
                ) : null}
                {can(RequestAction.Reject) ? (
                  <Button className='gz-action-reject' type='danger' fill='outline' size='large' block onClick={() => setOpenForm('reject')}>
                    驳回
                  </Button>
                ) : null}
              </View>
            ) : null}
          </>
        ) : null}
      </LoadState>
    </View>
  );
}
