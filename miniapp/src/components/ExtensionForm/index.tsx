import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { LIMITS, type ExtensionRequestBody } from '@gezhi/shared';
import { errorMessage } from '../../api/client';
import { Button } from '../../ui/nutui';
import { charCount } from '../../utils/format';

/** A working day is 7.5 h on the server's calendar (docs/deadlines.md); 紧急 items count wall-clock. */
export const EXTENSION_CHOICES: readonly { minutes: number; label: string }[] = [
  { minutes: 240, label: '4 小时' },
  { minutes: 450, label: '1 个工作日' },
  { minutes: 900, label: '2 个工作日' },
  { minutes: 1350, label: '3 个工作日' },
  { minutes: 2250, label: '5 个工作日' },
];

export interface ExtensionFormProps {
  urgent?: boolean;
  onSubmit: (body: ExtensionRequestBody) => Promise<void>;
  onCancel: () => void;
}

/** 申请延期: how much more time, and why; the level above decides. */
export function ExtensionForm({ urgent, onSubmit, onCancel }: ExtensionFormProps) {
  const [minutes, setMinutes] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const length = charCount(reason.trim());

  const submit = async () => {
    if (minutes === null) return setProblem('请选择延期时长');
    if (length === 0) return setProblem('请填写延期理由');
    if (length < LIMITS.reasonMin) return setProblem(`请至少填写 ${LIMITS.reasonMin} 个字`);
    if (length > LIMITS.reasonMax) return setProblem(`不能超过 ${LIMITS.reasonMax} 个字`);
    setProblem('');
    setSubmitting(true);
    try {
      await onSubmit({ minutes, reason: reason.trim() });
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className='gz-card gz-extension-form'>
      <Text className='gz-section-title'>申请延期</Text>
      <Text className='gz-hint'>{urgent ? '紧急诉求按自然时间顺延' : '按工作时间顺延（节假日不计）'}，由上一级审批</Text>
      <Text className='gz-field-label'>延长</Text>
      <View className='gz-chips gz-extension-minutes'>
        {EXTENSION_CHOICES.map((choice) => (
          <View
            key={choice.minutes}
            className={`gz-chip ${choice.minutes === minutes ? 'gz-chip--active' : ''}`}
            onClick={() => setMinutes(choice.minutes)}
          >
            {urgent ? `${choice.minutes / 60} 小时` : choice.label}
          </View>
        ))}
      </View>
      <Text className='gz-field-label'>延期理由</Text>
      <Textarea
        className='gz-textarea gz-note gz-reason'
        value={reason}
        placeholder='如：防水材料需要三天到货'
        maxlength={-1}
        onInput={(e) => setReason(e.detail.value)}
      />
      <Text className='gz-counter'>
        {length}/{LIMITS.reasonMax}
      </Text>
      {problem ? <Text className='gz-field-error'>{problem}</Text> : null}
      <View className='gz-button-row'>
        <Button size='large' onClick={onCancel} disabled={submitting}>
          取消
        </Button>
        <Button className='gz-extension-submit' type='primary' size='large' loading={submitting} disabled={submitting} onClick={submit}>
          提交申请
        </Button>
      </View>
    </View>
  );
}
