import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import {
  HANDLING_LEVEL_LABELS,
  isAuthorised,
  levelAbove,
  LIMITS,
  LIVE_DEADLINE_STATES,
  RequestAction,
  RequestStatus,
  supervisesLevel,
  Urgency,
  type RequestDetail,
} from '@gezhi/shared';
import { errorMessage } from '../../../../api/client';
import {
  acceptRequest,
  addProgress,
  approveExtension,
  askExtension,
  escalateRequest,
  getWhistleProposal,
  listExtensions,
  rejectExtension,
  rejectRequest,
  resolveRequest,
  whistleRequest,
} from '../../../../api/endpoints';
import { ExtensionsPanel } from '../../../../components/ChainPanels';
import { ExtensionForm } from '../../../../components/ExtensionForm';
import { LoadState } from '../../../../components/LoadState';
import { NoteForm } from '../../../../components/NoteForm';
import { EscalateForm } from '../../../../components/ReasonForms';
import { RequestDetailView } from '../../../../components/RequestDetailView';
import { WhistleForm } from '../../../../components/WhistleForm';
import { useRemote } from '../../../../hooks/useRemote';
import { useRequestDetail } from '../../../../hooks/useRequestDetail';
import { useSession } from '../../../../session/session';
import { Button } from '../../../../ui/nutui';
import { toastError, toastSuccess } from '../../../../utils/confirm';

type OpenForm = 'progress' | 'resolve' | 'reject' | 'escalate' | 'extension' | 'whistle' | null;

/** 吹哨 form with the routing table's proposal preloaded. */
function WhistlePanel({ id, onDone, onCancel }: { id: number; onDone: (detail: RequestDetail) => void; onCancel: () => void }) {
  const proposal = useRemote(() => getWhistleProposal(id), [id]);
  return (
    <LoadState loading={proposal.loading} error={proposal.error} onRetry={proposal.reload}>
      {proposal.data ? (
        <WhistleForm
          proposal={proposal.data}
          onCancel={onCancel}
          onSubmit={async (body) => {
            onDone(await whistleRequest(id, body));
          }}
        />
      ) : null}
    </LoadState>
  );
}

/**
 * Staff view of one item: detail, clocks, chain, and the buttons of `availableActions` — 签收 / 更新进展 / 办结 /
 * 驳回, 上报 one level up, 申请延期 for the holder, 吹哨 for the street (or a community where allowed), and the
 * extension requests the viewer's level decides.
 */
export default function StaffRequestDetailPage() {
  const { me } = useSession();
  const { id, detail, perform } = useRequestDetail();
  const extensions = useRemote(() => listExtensions(id), [id]);
  const [openForm, setOpenForm] = useState<OpenForm>(null);
  const [accepting, setAccepting] = useState(false);
  const request = detail.data;
  const can = (action: RequestAction) => request?.availableActions.includes(action) ?? false;
  const nextLevel = request ? levelAbove(request.level) : null;
  // the request's buttons are the server's `availableActions` (shared authorisedActions); 申请延期 is not among the
  // offered actions, so its button asks the same shared isAuthorised for the holder, plus a clock to extend
  const holder = can(RequestAction.Accept) || can(RequestAction.AddProgress) || can(RequestAction.Escalate);
  const hasLiveClock = !!request?.deadlines?.some((d) => LIVE_DEADLINE_STATES.includes(d.state) && d.level === request.level);
  const canAskExtension =
    !!request &&
    holder &&
    isAuthorised(RequestAction.RequestExtension, request, { performers: ['holder'] }) &&
    request.status !== RequestStatus.Whistled &&
    hasLiveClock;

  usePullDownRefresh(async () => {
    await Promise.all([detail.reload(), extensions.reload()]);
    Taro.stopPullDownRefresh();
  });

  const accept = async () => {
    setAccepting(true);
    await perform(() => acceptRequest(id), '已签收').catch(() => undefined);
    setAccepting(false);
  };

  /** Sends a form's action; the form stays open (showing the error) if it fails. */
  const submitAndClose = async (action: () => Promise<RequestDetail>, successText: string) => {
    await perform(action, successText);
    setOpenForm(null);
  };

  const decide = async (action: () => Promise<unknown>, successText: string) => {
    try {
      await action();
      toastSuccess(successText);
    } catch (error) {
      toastError(errorMessage(error));
      throw error;
    } finally {
      void extensions.reload();
      void detail.reload();
    }
  };

  return (
    <View className='gz-page'>
      <LoadState loading={detail.loading && !request} error={request ? null : detail.error} onRetry={detail.reload}>
        {request ? (
          <>
            <RequestDetailView request={request} forStaff />

            <ExtensionsPanel
              extensions={extensions.data ?? []}
              canDecide={(e) => !!me && supervisesLevel(me.role, e.level)}
              onApprove={(e) => decide(() => approveExtension(e.id, {}), '已批准延期')}
              onReject={(e, note) => decide(() => rejectExtension(e.id, { note }), '已回复不同意')}
            />

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
                publicSummaryDraft={request.publicSummaryDraft ?? ''}
                onCancel={() => setOpenForm(null)}
                onSubmit={(body) => submitAndClose(() => resolveRequest(id, body), '已办结，等待居民评价')}
              />
            ) : null}
            {openForm === 'reject' ? (
              <NoteForm
                title='驳回'
                placeholder={`请写明驳回理由（${LIMITS.reasonMin}–${LIMITS.reasonMax} 字），居民会看到`}
                submitText='确认驳回'
                requiredText='请填写驳回理由'
                minLength={LIMITS.reasonMin}
                maxLength={LIMITS.reasonMax}
                maxPhotos={0}
                danger
                confirm={{ title: '驳回诉求', content: '驳回后该诉求将结束办理，确定驳回吗？' }}
                onCancel={() => setOpenForm(null)}
                onSubmit={(body) => submitAndClose(() => rejectRequest(id, { reason: body.note }), '已驳回')}
              />
            ) : null}
            {openForm === 'escalate' && nextLevel ? (
              <EscalateForm
                nextLevelName={HANDLING_LEVEL_LABELS[nextLevel]}
                onCancel={() => setOpenForm(null)}
                onSubmit={(reason) => submitAndClose(() => escalateRequest(id, { reason }), `已上报${HANDLING_LEVEL_LABELS[nextLevel]}`)}
              />
            ) : null}
            {openForm === 'extension' ? (
              <ExtensionForm
                urgent={request.urgency === Urgency.Urgent}
                onCancel={() => setOpenForm(null)}
                onSubmit={async (body) => {
                  await askExtension(id, body);
                  toastSuccess('已提交延期申请');
                  setOpenForm(null);
                  void extensions.reload();
                }}
              />
            ) : null}
            {openForm === 'whistle' ? (
              <WhistlePanel
                id={id}
                onCancel={() => setOpenForm(null)}
                onDone={(updated) => {
                  detail.setData(updated);
                  toastSuccess('已吹哨，等待部门报到');
                  setOpenForm(null);
                }}
              />
            ) : null}

            {openForm === null ? (
              <View className='gz-staff-actions'>
                {can(RequestAction.Accept) ? (
                  <Button className='gz-action-accept' type='primary' size='xlarge' block loading={accepting} onClick={accept}>
                    签收
                  </Button>
                ) : null}
                {can(RequestAction.Whistle) ? (
                  <Button className='gz-action-whistle' type='primary' size='xlarge' block onClick={() => setOpenForm('whistle')}>
                    吹哨
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
                {can(RequestAction.Escalate) && nextLevel ? (
                  <Button className='gz-action-escalate' type='warning' fill='outline' size='large' block onClick={() => setOpenForm('escalate')}>
                    上报{HANDLING_LEVEL_LABELS[nextLevel]}
                  </Button>
                ) : null}
                {canAskExtension ? (
                  <Button className='gz-action-extension' type='default' size='large' block onClick={() => setOpenForm('extension')}>
                    申请延期
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
