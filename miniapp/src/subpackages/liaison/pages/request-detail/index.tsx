import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import {
  ASSIGNMENT_STATE_LABELS,
  AssignmentAction,
  WHISTLE_ROLE_LABELS,
  type RequestDetail,
} from '@gezhi/shared';
import { progressAssignment, reportAssignment, resolveAssignment, returnAssignment } from '../../../../api/endpoints';
import { LoadState } from '../../../../components/LoadState';
import { NoteForm } from '../../../../components/NoteForm';
import { ReportForm, ReturnForm } from '../../../../components/ReasonForms';
import { RequestDetailView } from '../../../../components/RequestDetailView';
import { useRequestDetail } from '../../../../hooks/useRequestDetail';
import { useSession } from '../../../../session/session';
import { Button } from '../../../../ui/nutui';
import { formatDateTime } from '../../../../utils/format';
import { myAssignment } from '../../my-assignment';

type OpenForm = 'report' | 'progress' | 'resolve' | 'return' | null;

/** A whistled item as the department's liaison sees it: 报到 / 更新进展 / 办结 (lead only) / 退回. */
export default function LiaisonRequestDetailPage() {
  const { params } = useRouter();
  const { me } = useSession();
  const { detail, perform } = useRequestDetail();
  const [openForm, setOpenForm] = useState<OpenForm>(null);
  const request = detail.data;
  const assignment = request ? myAssignment(request, me?.department?.id, Number(params.assignmentId)) : null;
  const can = (action: AssignmentAction) => assignment?.availableActions.includes(action) ?? false;

  usePullDownRefresh(async () => {
    await detail.reload();
    Taro.stopPullDownRefresh();
  });

  const submitAndClose = async (action: (assignmentId: number) => Promise<RequestDetail>, successText: string) => {
    if (!assignment) return;
    await perform(() => action(assignment.id), successText);
    setOpenForm(null);
  };

  return (
    <View className='gz-page'>
      <LoadState loading={detail.loading && !request} error={request ? null : detail.error} onRetry={detail.reload}>
        {request ? (
          <>
            {assignment ? (
              <View className={`gz-card gz-my-assignment gz-assignment--${assignment.state.toLowerCase()}`}>
                <View className='gz-row-between'>
                  <Text className='gz-section-title'>
                    本部门：{assignment.departmentName}（{WHISTLE_ROLE_LABELS[assignment.role]}）
                  </Text>
                  <Text className='gz-assignment__state gz-my-assignment__state'>{ASSIGNMENT_STATE_LABELS[assignment.state]}</Text>
                </View>
                {assignment.note ? <Text className='gz-assignment__text'>街道交办：{assignment.note}</Text> : null}
                {assignment.reportDueAt && !assignment.reportedAt ? (
                  <Text className='gz-hint'>请在 {formatDateTime(assignment.reportDueAt)} 前报到</Text>
                ) : null}
                {assignment.plan ? <Text className='gz-assignment__text'>处置方案：{assignment.plan}</Text> : null}
              </View>
            ) : null}

            <RequestDetailView request={request} forStaff />

            {openForm === 'report' ? (
              <ReportForm
                onCancel={() => setOpenForm(null)}
                onSubmit={(plan) => submitAndClose((a) => reportAssignment(a, { plan }), '已报到')}
              />
            ) : null}
            {openForm === 'progress' ? (
              <NoteForm
                title='更新进展'
                placeholder='写下目前的处置情况，街道和居民会收到通知'
                submitText='提交进展'
                onCancel={() => setOpenForm(null)}
                onSubmit={(body) => submitAndClose((a) => progressAssignment(a, body), '进展已更新')}
              />
            ) : null}
            {openForm === 'resolve' ? (
              <NoteForm
                title='办结'
                placeholder='写明处置结果，可附上现场照片作为凭证'
                submitText='确认办结'
                publicSummaryDraft={request.publicSummaryDraft ?? ''}
                onCancel={() => setOpenForm(null)}
                onSubmit={(body) => submitAndClose((a) => resolveAssignment(a, body), '已办结，等待居民评价')}
              />
            ) : null}
            {openForm === 'return' ? (
              <ReturnForm
                onCancel={() => setOpenForm(null)}
                onSubmit={async (reason) => {
                  await submitAndClose((a) => returnAssignment(a, { reason }), '已退回街道');
                  // a department that returned an item no longer sees it
                  setTimeout(() => void Taro.navigateBack().catch(() => undefined), 1200);
                }}
              />
            ) : null}

            {openForm === null && assignment ? (
              <View className='gz-staff-actions'>
                {can(AssignmentAction.Report) ? (
                  <Button className='gz-action-report' type='primary' size='xlarge' block onClick={() => setOpenForm('report')}>
                    报到
                  </Button>
                ) : null}
                {can(AssignmentAction.Progress) ? (
                  <Button className='gz-action-progress' type='primary' fill='outline' size='large' block onClick={() => setOpenForm('progress')}>
                    更新进展
                  </Button>
                ) : null}
                {can(AssignmentAction.Resolve) ? (
                  <Button className='gz-action-resolve' type='success' size='xlarge' block onClick={() => setOpenForm('resolve')}>
                    办结
                  </Button>
                ) : null}
                {can(AssignmentAction.Return) ? (
                  <Button className='gz-action-return' type='danger' fill='outline' size='large' block onClick={() => setOpenForm('return')}>
                    退回
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
