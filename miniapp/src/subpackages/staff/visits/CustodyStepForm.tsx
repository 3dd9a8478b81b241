import { Input, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { CUSTODY_STEP_LABELS, CustodyStep, SERVICE_LIMITS, type CustodyStepBody } from '@gezhi/shared';
import { errorMessage } from '../../../api/client';
import { MultiChoiceChips } from '../../../components/ChoiceChips';
import { Button } from '../../../ui/nutui';
import { charCount } from '../../../utils/format';

export interface CustodyStepFormProps {
  /** the step to record (the visit's nextCustodyStep) */
  step: CustodyStep;
  /** the documents the service asks for (service.requiredDocuments) */
  requiredDocuments: string[];
  /** the documents recorded as received: 已归还材料 offers (and preselects) these */
  receivedDocuments: string[];
  onSubmit: (body: CustodyStepBody) => Promise<void>;
  onCancel: () => void;
}

const HINTS: Record<CustodyStep, string> = {
  [CustodyStep.DocumentsReceived]: '勾选从居民处收到的材料，居民会看到这一步',
  [CustodyStep.Submitted]: '写明递交到哪个单位办理，如：区社保中心',
  [CustodyStep.Returned]: '勾选归还给居民的材料（可附上办理结果说明）',
};

/** 代办 custody: records the next step — which documents were received, where they were handed in, their return. */
export function CustodyStepForm({ step, requiredDocuments, receivedDocuments, onSubmit, onCancel }: CustodyStepFormProps) {
  const returning = step === CustodyStep.Returned;
  const documentOptions = returning && receivedDocuments.length ? receivedDocuments : requiredDocuments;
  const [documents, setDocuments] = useState<string[]>(returning ? documentOptions : []);
  const [office, setOffice] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const asksDocuments = step !== CustodyStep.Submitted;

  const submit = async () => {
    const officeName = office.trim();
    const noteText = note.trim();
    if (step === CustodyStep.DocumentsReceived && documents.length === 0) return setProblem('请勾选从居民处收到的材料');
    if (step === CustodyStep.Submitted && !officeName) return setProblem('请填写递交的办理单位');
    if (charCount(officeName) > SERVICE_LIMITS.officeNameMax) return setProblem(`办理单位不能超过 ${SERVICE_LIMITS.officeNameMax} 个字`);
    if (charCount(noteText) > SERVICE_LIMITS.bookingNoteMax) return setProblem(`备注不能超过 ${SERVICE_LIMITS.bookingNoteMax} 个字`);
    setProblem('');
    const body: CustodyStepBody = { step };
    if (asksDocuments && documents.length) body.documents = documents;
    if (step === CustodyStep.Submitted) body.office = officeName;
    if (noteText) body.note = noteText;
    setSubmitting(true);
    try {
      await onSubmit(body);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className={`gz-card gz-custody-form gz-custody-form--${step.toLowerCase()}`}>
      <Text className='gz-section-title'>登记：{CUSTODY_STEP_LABELS[step]}</Text>
      <Text className='gz-hint'>{HINTS[step]}</Text>
      {asksDocuments ? (
        documentOptions.length ? (
          <MultiChoiceChips
            className='gz-custody-docs'
            options={documentOptions.map((name) => ({ value: name, label: name }))}
            value={documents}
            onChange={setDocuments}
          />
        ) : (
          <Text className='gz-hint'>该服务没有列出所需材料</Text>
        )
      ) : (
        <Input
          className='gz-input gz-custody-office'
          value={office}
          placeholder='递交的办理单位'
          maxlength={-1}
          onInput={(e) => setOffice(e.detail.value)}
        />
      )}
      <Textarea
        className='gz-textarea gz-custody-note'
        value={note}
        placeholder='备注（选填），如：预计 5 个工作日办结'
        maxlength={-1}
        onInput={(e) => setNote(e.detail.value)}
      />
      {problem ? <Text className='gz-field-error'>{problem}</Text> : null}
      <View className='gz-button-row'>
        <Button size='large' onClick={onCancel} disabled={submitting}>
          取消
        </Button>
        <Button className='gz-custody-submit' type='primary' size='large' loading={submitting} disabled={submitting} onClick={submit}>
          确认登记
        </Button>
      </View>
    </View>
  );
}
