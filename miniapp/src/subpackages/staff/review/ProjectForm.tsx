import { Input, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { REVIEW_LIMITS, shanghaiDayOf, type AgendaEntry, type CreateProjectBody, type ProjectOwnerOption } from '@gezhi/shared';
import { errorMessage } from '../../../api/client';
import { ChoiceChips } from '../../../components/ChoiceChips';
import { Button } from '../../../ui/nutui';
import { charCount } from '../../../utils/format';

/** Deadline presets (days from today): a chip is easier to hit than a date wheel. */
export const DEADLINE_PRESETS = [
  { value: '7', label: '一周' },
  { value: '15', label: '半个月' },
  { value: '30', label: '一个月' },
  { value: '60', label: '两个月' },
] as const;

export function deadlineIn(days: number, now: Date = new Date()): string {
  return shanghaiDayOf(now.getTime() + days * 24 * 3600 * 1000);
}

export interface ProjectFormProps {
  entries: AgendaEntry[];
  owners: ProjectOwnerOption[];
  meetingDate?: string;
  communityId?: number;
  onSubmit: (body: CreateProjectBody) => Promise<void>;
  onCancel: () => void;
}

/** 生成项目: title (suggested from the first entry), owner, deadline, the selected entries' items. */
export function ProjectForm({ entries, owners, meetingDate, communityId, onSubmit, onCancel }: ProjectFormProps) {
  const [title, setTitle] = useState(entries[0]?.title ?? '');
  const [description, setDescription] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [days, setDays] = useState<string>('15');
  const [problem, setProblem] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const requestIds = Array.from(new Set(entries.flatMap((e) => e.requestIds)));
  const deadline = deadlineIn(Number(days));

  const submit = async () => {
    const trimmed = title.trim();
    if (charCount(trimmed) < REVIEW_LIMITS.projectTitleMin) return setProblem(`请填写项目名称（至少 ${REVIEW_LIMITS.projectTitleMin} 个字）`);
    if (charCount(trimmed) > REVIEW_LIMITS.projectTitleMax) return setProblem(`项目名称不能超过 ${REVIEW_LIMITS.projectTitleMax} 个字`);
    if (charCount(description.trim()) > REVIEW_LIMITS.projectDescriptionMax) return setProblem(`说明不能超过 ${REVIEW_LIMITS.projectDescriptionMax} 个字`);
    if (!ownerId) return setProblem('请选择负责人');
    if (requestIds.length === 0) return setProblem('请至少选择一项议题');
    if (requestIds.length > REVIEW_LIMITS.projectRequestsMax) return setProblem(`一个项目最多关联 ${REVIEW_LIMITS.projectRequestsMax} 件诉求`);
    setProblem('');
    setSubmitting(true);
    try {
      await onSubmit({
        ...(communityId ? { communityId } : {}),
        title: trimmed,
        ...(description.trim() ? { description: description.trim() } : {}),
        ownerUserId: Number(ownerId),
        deadline,
        requestIds,
        agendaEntryKeys: entries.map((e) => e.key),
        ...(meetingDate ? { meetingDate } : {}),
      });
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className='gz-card gz-project-form'>
      <Text className='gz-section-title'>生成项目（{entries.length} 项议题，{requestIds.length} 件诉求）</Text>
      <Text className='gz-field-label'>项目名称</Text>
      <Input className='gz-input gz-project-title' value={title} placeholder='如：3号楼楼道堆物集中整治' onInput={(e) => setTitle(e.detail.value)} />
      <Text className='gz-field-label'>说明（选填）</Text>
      <Textarea
        className='gz-textarea gz-project-description'
        value={description}
        placeholder='要做什么、谁配合'
        maxlength={-1}
        onInput={(e) => setDescription(e.detail.value)}
      />
      <Text className='gz-field-label'>负责人</Text>
      {owners.length === 0 ? <Text className='gz-hint'>没有可选的负责人</Text> : null}
      <ChoiceChips
        className='gz-project-owner'
        options={owners.map((o) => ({ value: String(o.id), label: `${o.name}（${o.gridName ?? o.roleLabel}）` }))}
        value={ownerId}
        onChange={setOwnerId}
      />
      <Text className='gz-field-label'>完成期限</Text>
      <ChoiceChips className='gz-project-deadline' options={DEADLINE_PRESETS} value={days} onChange={setDays} />
      <Text className='gz-hint'>截止日期：{deadline}</Text>
      {problem ? <Text className='gz-form-error'>{problem}</Text> : null}
      <View className='gz-button-row'>
        <Button size='large' onClick={onCancel} disabled={submitting}>
          取消
        </Button>
        <Button className='gz-project-submit' type='primary' size='large' loading={submitting} disabled={submitting} onClick={submit}>
          确认生成
        </Button>
      </View>
    </View>
  );
}
