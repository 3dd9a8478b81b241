import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { DEPARTMENT_KIND_LABELS, LIMITS, type WhistleBody, type WhistleProposal } from '@gezhi/shared';
import { ApiError, errorMessage } from '../../api/client';
import { Button } from '../../ui/nutui';
import { charCount } from '../../utils/format';

/** The server's DTO caps assisting departments at 5 (MAX_ASSIST_DEPARTMENTS is not in @gezhi/shared yet). */
export const MAX_ASSIST_DEPARTMENTS = 5;

export interface WhistleFormProps {
  /** GET /api/requests/:id/whistle-proposal: the routing table's suggestion is preselected */
  proposal: WhistleProposal;
  onSubmit: (body: WhistleBody) => Promise<void>;
  onCancel: () => void;
}

/** 吹哨: one lead department (主办, required), optional assisting ones (协办), and what they are asked to do. */
export function WhistleForm({ proposal, onSubmit, onCancel }: WhistleFormProps) {
  const [leadId, setLeadId] = useState<number | null>(proposal.lead?.id ?? null);
  const [assistIds, setAssistIds] = useState<number[]>(proposal.assists.map((d) => d.id).filter((id) => id !== proposal.lead?.id));
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const departments = proposal.departments;

  const pickLead = (id: number) => {
    setLeadId(id);
    setAssistIds((current) => current.filter((a) => a !== id));
  };
  const toggleAssist = (id: number) => {
    if (id === leadId) return;
    setAssistIds((current) => {
      if (current.includes(id)) return current.filter((a) => a !== id);
      if (current.length >= MAX_ASSIST_DEPARTMENTS) {
        setProblem(`协办部门最多 ${MAX_ASSIST_DEPARTMENTS} 个`);
        return current;
      }
      return [...current, id];
    });
  };

  const submit = async () => {
    if (leadId === null) return setProblem('请选择主办部门');
    const text = note.trim();
    if (!text) return setProblem('请填写交办事项');
    if (charCount(text) > LIMITS.noteMax) return setProblem(`交办事项不能超过 ${LIMITS.noteMax} 个字`);
    setProblem('');
    setSubmitting(true);
    try {
      await onSubmit({ leadDepartmentId: leadId, assistDepartmentIds: assistIds, note: text });
    } catch (error) {
      const fields = error instanceof ApiError ? Object.keys(error.fieldErrors) : [];
      setProblem(fields.some((f) => f.includes('Department')) ? '所选部门不可用，请重新选择' : errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  };

  const label = (id: number) => departments.find((d) => d.id === id)?.name ?? '';

  return (
    <View className='gz-card gz-whistle-form'>
      <Text className='gz-section-title'>吹哨 · 调度相关部门</Text>
      {proposal.lead ? (
        <Text className='gz-hint gz-whistle-proposal'>
          按派单规则建议：主办 {proposal.lead.name}
          {proposal.assists.length ? `，协办 ${proposal.assists.map((d) => d.name).join('、')}` : ''}
        </Text>
      ) : (
        <Text className='gz-hint gz-whistle-proposal'>派单规则没有匹配的部门，请手动选择</Text>
      )}

      <Text className='gz-field-label'>主办部门（必选一个）</Text>
      <View className='gz-chips gz-whistle-lead'>
        {departments.map((d) => (
          <View key={d.id} className={`gz-chip ${d.id === leadId ? 'gz-chip--active' : ''}`} onClick={() => pickLead(d.id)}>
            {d.name}
          </View>
        ))}
      </View>

      <Text className='gz-field-label'>协办部门（可多选）</Text>
      <View className='gz-chips gz-whistle-assists'>
        {departments
          .filter((d) => d.id !== leadId)
          .map((d) => (
            <View
              key={d.id}
              className={`gz-chip ${assistIds.includes(d.id) ? 'gz-chip--active' : ''}`}
              onClick={() => toggleAssist(d.id)}
            >
              {d.name}
              <Text className='gz-chip__kind'> {DEPARTMENT_KIND_LABELS[d.kind]}</Text>
            </View>
          ))}
      </View>

      <Text className='gz-field-label'>交办事项</Text>
      <Textarea
        className='gz-textarea gz-note gz-whistle-note'
        value={note}
        placeholder='请写明需要部门做什么、何时到场'
        maxlength={-1}
        onInput={(e) => setNote(e.detail.value)}
      />
      <Text className='gz-counter'>
        {charCount(note.trim())}/{LIMITS.noteMax}
      </Text>

      {leadId !== null ? (
        <Text className='gz-hint gz-whistle-summary'>
          主办：{label(leadId)}
          {assistIds.length ? `；协办：${assistIds.map(label).join('、')}` : ''}
        </Text>
      ) : null}
      {problem ? <Text className='gz-field-error'>{problem}</Text> : null}
      <View className='gz-button-row'>
        <Button size='large' onClick={onCancel} disabled={submitting}>
          取消
        </Button>
        <Button className='gz-whistle-submit' type='primary' size='large' loading={submitting} disabled={submitting} onClick={submit}>
          确认吹哨
        </Button>
      </View>
    </View>
  );
}
