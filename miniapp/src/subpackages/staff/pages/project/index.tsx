import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ProjectAction, REVIEW_LIMITS, type ProjectDetail, type ProjectItemCloseOutcome } from '@gezhi/shared';
import { errorMessage } from '../../../../api/client';
import { addProjectProgress, closeProject, getProject } from '../../../../api/endpoints';
import { LoadState } from '../../../../components/LoadState';
import { NoteForm } from '../../../../components/NoteForm';
import { useRemote } from '../../../../hooks/useRemote';
import { goStaffRequestDetail } from '../../../../navigation';
import { Button } from '../../../../ui/nutui';
import { toastError, toastSuccess } from '../../../../utils/confirm';
import { formatDateTime } from '../../../../utils/format';
import { ProjectCard } from '../../review/ProjectCard';
import '../../review/review.scss';

type Form = 'progress' | 'close' | null;

/** One project: linked items, progress notes, 办结 with a result (the linked residents are told). */
export default function ProjectPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const project = useRemote(() => getProject(id), [id]);
  const [form, setForm] = useState<Form>(null);
  /** what this close did to the linked items (only in the close response) */
  const [outcomes, setOutcomes] = useState<ProjectItemCloseOutcome[]>([]);

  usePullDownRefresh(async () => {
    await project.reload();
    Taro.stopPullDownRefresh();
  });

  const perform = async (action: () => Promise<ProjectDetail>, done: string) => {
    try {
      project.setData(await action());
      setForm(null);
      toastSuccess(done);
    } catch (error) {
      toastError(errorMessage(error));
      void project.reload();
      throw error;
    }
  };

  const data = project.data;
  const can = (action: ProjectAction) => !!data?.availableActions.includes(action);

  return (
    <View className='gz-page gz-project'>
      <LoadState loading={project.loading && !data} error={data ? null : project.error} onRetry={project.reload}>
        {data ? (
          <>
            <ProjectCard project={data} />
            {data.description ? (
              <View className='gz-card'>
                <Text className='gz-section-title'>说明</Text>
                <Text className='gz-detail-description'>{data.description}</Text>
              </View>
            ) : null}
            {data.result ? (
              <View className='gz-card gz-project__result'>
                <Text className='gz-section-title'>办结结果</Text>
                <Text className='gz-detail-description'>{data.result}</Text>
                {data.closedAt ? <Text className='gz-hint'>办结于 {formatDateTime(data.closedAt)}</Text> : null}
              </View>
            ) : null}
            {outcomes.length > 0 ? (
              <View className='gz-card gz-project__outcomes'>
                <Text className='gz-section-title'>关联诉求办理情况</Text>
                {outcomes.map((o) => (
                  <View key={o.requestId} className={`gz-list-row gz-project__outcome ${o.staysOpen ? 'gz-project__outcome--open' : ''}`}>
                    <Text>
                      {o.serial} · {o.outcomeLabel}
                    </Text>
                    {o.reason ? <Text className='gz-hint'>{o.reason}</Text> : null}
                  </View>
                ))}
              </View>
            ) : null}
            <View className='gz-card'>
              <Text className='gz-section-title'>关联诉求（{data.items.length}）</Text>
              {data.items.map((item) => (
                <View key={item.id} className='gz-list-row gz-project__item' onClick={() => goStaffRequestDetail(item.id)}>
                  <Text>
                    {item.serial} {item.categoryLabel} · {item.buildingName}：{item.excerpt}
                  </Text>
                  <Text className='gz-hint'>{item.statusLabel} ›</Text>
                </View>
              ))}
            </View>

            {form === 'progress' ? (
              <NoteForm
                title='更新进展'
                placeholder='做了什么、下一步是什么'
                submitText='提交进展'
                maxLength={REVIEW_LIMITS.projectNoteMax}
                maxPhotos={0}
                requiredText='请填写进展'
                onSubmit={({ note }) => perform(() => addProjectProgress(id, { note, version: data.version }), '已更新进展')}
                onCancel={() => setForm(null)}
              />
            ) : null}
            {form === 'close' ? (
              <NoteForm
                title='办结项目'
                placeholder='办理结果（将通知关联诉求的居民）'
                submitText='确认办结'
                minLength={REVIEW_LIMITS.projectResultMin}
                maxLength={REVIEW_LIMITS.projectResultMax}
                maxPhotos={0}
                requiredText='请填写办理结果'
                confirm={{
                  title: '确认办结项目？',
                  content: '由您处理中的关联诉求将一并办结、请居民评价；其余诉求保持原状，居民会收到办理结果和原因。办结后不能再更新进展。',
                }}
                onSubmit={({ note }) =>
                  perform(async () => {
                    const closed = await closeProject(id, { result: note, version: data.version });
                    setOutcomes(closed.closeOutcomes);
                    return closed;
                  }, '项目已办结')
                }
                onCancel={() => setForm(null)}
              />
            ) : null}
            {form === null && (can(ProjectAction.AddProgress) || can(ProjectAction.Close)) ? (
              <View className='gz-button-row gz-staff-actions'>
                {can(ProjectAction.AddProgress) ? (
                  <Button className='gz-project-progress' type='primary' fill='outline' size='large' onClick={() => setForm('progress')}>
                    更新进展
                  </Button>
                ) : null}
                {can(ProjectAction.Close) ? (
                  <Button className='gz-project-close' type='primary' size='large' onClick={() => setForm('close')}>
                    办结
                  </Button>
                ) : null}
              </View>
            ) : null}

            <View className='gz-card'>
              <Text className='gz-section-title'>进展记录</Text>
              {data.events.map((event) => (
                <View key={event.id} className='gz-project-event'>
                  <Text>
                    {event.kindLabel} · {event.actorName}
                  </Text>
                  {event.note ? <Text className='gz-detail-description'>{event.note}</Text> : null}
                  <Text className='gz-hint'>{formatDateTime(event.at)}</Text>
                </View>
              ))}
            </View>
          </>
        ) : null}
      </LoadState>
    </View>
  );
}
