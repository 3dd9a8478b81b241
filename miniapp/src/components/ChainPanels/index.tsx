/** Staff/liaison panels of a detail: the clocks (时限), the whistled departments, the extension requests (延期). */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import {
  ASSIGNMENT_STATE_LABELS,
  DEADLINE_KIND_LABELS,
  DeadlineState,
  HANDLING_LEVEL_LABELS,
  LIVE_DEADLINE_STATES,
  WHISTLE_ROLE_LABELS,
  type DeadlineView,
  type ExtensionView,
  type Supervision,
  type WhistleAssignmentView,
} from '@gezhi/shared';
import { Button } from '../../ui/nutui';
import { confirmAction } from '../../utils/confirm';
import { formatDateTime } from '../../utils/format';
import { formatDuration } from '../../utils/chain';
import { NoteForm } from '../NoteForm';
import { SupervisionTag } from '../Supervision';

const DEADLINE_STATE_TEXT: Partial<Record<DeadlineState, string>> = {
  [DeadlineState.Met]: '已按时完成',
  [DeadlineState.Escalated]: '超时已上报',
  [DeadlineState.Cancelled]: '已取消',
};

function supervisionOfState(state: DeadlineState): Supervision {
  if (state === DeadlineState.Red) return 'RED';
  if (state === DeadlineState.Yellow) return 'YELLOW';
  return 'NONE';
}

/** 时限: the running clocks first, each with its due time and 督办 colour. */
export function DeadlinesPanel({ deadlines }: { deadlines?: DeadlineView[] }) {
  if (!deadlines?.length) return null;
  const live = deadlines.filter((d) => LIVE_DEADLINE_STATES.includes(d.state));
  const done = deadlines.filter((d) => !LIVE_DEADLINE_STATES.includes(d.state));
  return (
    <View className='gz-card gz-deadlines'>
      <Text className='gz-section-title'>办理时限</Text>
      {[...live, ...done].map((d, index) => (
        <View key={`${d.kind}-${d.level}-${index}`} className={`gz-deadline gz-list-row gz-deadline--${d.state.toLowerCase()}`}>
          <Text>
            {HANDLING_LEVEL_LABELS[d.level]}{DEADLINE_KIND_LABELS[d.kind]}
          </Text>
          <View className='gz-deadline__right'>
            <Text className='gz-hint'>
              {LIVE_DEADLINE_STATES.includes(d.state) ? `${formatDateTime(d.dueAt)} 前` : DEADLINE_STATE_TEXT[d.state] ?? ''}
            </Text>
            <SupervisionTag supervision={supervisionOfState(d.state)} />
          </View>
        </View>
      ))}
    </View>
  );
}

/** 吹哨 results: each department of each round with 主办/协办, its state, plan or return reason. */
export function AssignmentsPanel({ assignments }: { assignments?: WhistleAssignmentView[] }) {
  if (!assignments?.length) return null;
  const sorted = [...assignments].sort((a, b) => b.round - a.round || (a.role === b.role ? a.id - b.id : a.role === 'LEAD' ? -1 : 1));
  return (
    <View className='gz-card gz-assignments'>
      <Text className='gz-section-title'>吹哨部门</Text>
      {sorted.map((a) => (
        <View key={a.id} className={`gz-assignment gz-assignment--${a.state.toLowerCase()}`}>
          <View className='gz-row-between'>
            <Text className='gz-assignment__name'>
              {a.departmentName}（{WHISTLE_ROLE_LABELS[a.role]}）
            </Text>
            <Text className='gz-assignment__state'>{ASSIGNMENT_STATE_LABELS[a.state]}</Text>
          </View>
          <Text className='gz-hint'>
            第 {a.round} 轮 · 派单 {formatDateTime(a.notifiedAt)}
            {a.reportedAt ? ` · 报到 ${formatDateTime(a.reportedAt)}` : a.reportDueAt ? ` · 须在 ${formatDateTime(a.reportDueAt)} 前报到` : ''}
          </Text>
          {a.note ? <Text className='gz-assignment__text'>交办：{a.note}</Text> : null}
          {a.plan ? <Text className='gz-assignment__text'>方案：{a.plan}</Text> : null}
          {a.returnedReason ? <Text className='gz-assignment__text'>退回理由：{a.returnedReason}</Text> : null}
        </View>
      ))}
    </View>
  );
}

const EXTENSION_STATE_LABELS: Record<ExtensionView['state'], string> = { PENDING: '待审批', APPROVED: '已批准', REJECTED: '未同意' };

export interface ExtensionsPanelProps {
  extensions: ExtensionView[];
  /** whether the viewer is the approving level (one level above the extension's) */
  canDecide: (extension: ExtensionView) => boolean;
  onApprove: (extension: ExtensionView) => Promise<void>;
  onReject: (extension: ExtensionView, note: string) => Promise<void>;
}

/** 延期申请 of the item; the approving level decides here. */
export function ExtensionsPanel({ extensions, canDecide, onApprove, onReject }: ExtensionsPanelProps) {
  const [refusing, setRefusing] = useState<number | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  if (!extensions.length) return null;

  const approve = async (e: ExtensionView) => {
    const ok = await confirmAction({ title: '批准延期', content: `同意延长 ${formatDuration(e.minutes * 60000)}？`, confirmText: '批准' });
    if (!ok) return;
    setBusy(e.id);
    await onApprove(e).catch(() => undefined);
    setBusy(null);
  };

  return (
    <View className='gz-card gz-extensions'>
      <Text className='gz-section-title'>延期申请</Text>
      {extensions.map((e) => (
        <View key={e.id} className={`gz-extension gz-extension--${e.state.toLowerCase()}`}>
          <View className='gz-row-between'>
            <Text>
              {HANDLING_LEVEL_LABELS[e.level]} {e.requestedByName} 申请延长 {formatDuration(e.minutes * 60000)}
            </Text>
            <Text className='gz-extension__state'>{EXTENSION_STATE_LABELS[e.state]}</Text>
          </View>
          <Text className='gz-assignment__text'>理由：{e.reason}</Text>
          <Text className='gz-hint'>
            原时限 {formatDateTime(e.dueAtBefore)}
            {e.dueAtAfter ? ` → ${formatDateTime(e.dueAtAfter)}` : ''}
            {e.decidedByName ? ` · ${e.decidedByName}` : ''}
            {e.decisionNote ? `：${e.decisionNote}` : ''}
          </Text>
          {e.state === 'PENDING' && canDecide(e) ? (
            refusing === e.id ? (
              <NoteForm
                title='不同意延期'
                placeholder='请写明理由，申请人会看到'
                submitText='确认不同意'
                requiredText='请填写不同意的理由'
                maxLength={200}
                maxPhotos={0}
                danger
                onCancel={() => setRefusing(null)}
                onSubmit={async (body) => {
                  await onReject(e, body.note);
                  setRefusing(null);
                }}
              />
            ) : (
              <View className='gz-button-row'>
                <Button className='gz-extension-reject' size='large' type='danger' fill='outline' onClick={() => setRefusing(e.id)}>
                  不同意
                </Button>
                <Button className='gz-extension-approve' size='large' type='primary' loading={busy === e.id} onClick={() => approve(e)}>
                  批准
                </Button>
              </View>
            )
          ) : null}
        </View>
      ))}
    </View>
  );
}
