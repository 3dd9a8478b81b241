import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { LIMITS, type ResolveBody } from '@gezhi/shared';
import { errorMessage } from '../../api/client';
import { Button } from '../../ui/nutui';
import { confirmAction } from '../../utils/confirm';
import { charCount } from '../../utils/format';
import { PhotoPicker } from '../PhotoPicker';

export interface NoteFormProps {
  title: string;
  placeholder: string;
  submitText: string;
  minLength?: number;
  maxLength?: number;
  /** photo slots; 0 hides the picker (e.g. a rejection reason) */
  maxPhotos?: number;
  /** ask before sending (destructive actions such as 驳回) */
  confirm?: { title: string; content: string };
  danger?: boolean;
  /** the message when nothing was written, e.g. 请填写上报理由 */
  requiredText?: string;
  /** extra className of the textarea (the stable hook stays `gz-note`) */
  fieldClassName?: string;
  /** a form-level hook, e.g. gz-escalate-form */
  className?: string;
  /**
   * 办结: the public summary for 公示, pre-filled with the server's draft (the description anonymised); the handler
   * may edit it or clear it (then the board shows category, status and time only). Sent as `publicSummary`.
   */
  publicSummaryDraft?: string;
  onSubmit: (body: ResolveBody) => Promise<void>;
  onCancel: () => void;
}

/** A note with optional photos: progress updates, results (办结) and rejection reasons. */
export function NoteForm({
  title,
  placeholder,
  submitText,
  minLength = 1,
  maxLength = LIMITS.noteMax,
  maxPhotos = LIMITS.photosPerNote,
  confirm,
  danger,
  requiredText,
  fieldClassName,
  className,
  publicSummaryDraft,
  onSubmit,
  onCancel,
}: NoteFormProps) {
  const [note, setNote] = useState('');
  const [publicSummary, setPublicSummary] = useState(publicSummaryDraft ?? '');
  const summaryLength = charCount(publicSummary.trim());
  const [photoIds, setPhotoIds] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const length = charCount(note.trim());

  const submit = async () => {
    if (length === 0) return setProblem(requiredText ?? '请填写内容');
    if (length < minLength) return setProblem(`请至少填写 ${minLength} 个字`);
    if (length > maxLength) return setProblem(`不能超过 ${maxLength} 个字`);
    if (publicSummaryDraft !== undefined && summaryLength > LIMITS.publicSummaryMax) return setProblem(`公示内容不能超过 ${LIMITS.publicSummaryMax} 个字`);
    if (uploading) return setProblem('照片还在上传，请稍候');
    setProblem('');
    if (confirm && !(await confirmAction({ ...confirm, confirmText: submitText }))) return;
    setSubmitting(true);
    try {
      const body: ResolveBody = maxPhotos > 0 ? { note: note.trim(), photoIds } : { note: note.trim() };
      if (publicSummaryDraft !== undefined && publicSummary.trim()) body.publicSummary = publicSummary.trim();
      await onSubmit(body);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className={`gz-card gz-note-form ${className ?? ''}`}>
      <Text className='gz-section-title'>{title}</Text>
      <Textarea
        className={`gz-textarea gz-note ${fieldClassName ?? ''}`}
        value={note}
        placeholder={placeholder}
        maxlength={-1}
        onInput={(e) => setNote(e.detail.value)}
      />
      <Text className='gz-counter'>
        {length}/{maxLength}
      </Text>
      {maxPhotos > 0 ? (
        <PhotoPicker
          max={maxPhotos}
          onChange={(ids, busy) => {
            setPhotoIds(ids);
            setUploading(busy);
          }}
        />
      ) : null}
      {publicSummaryDraft !== undefined ? (
        <View className='gz-public-summary'>
          <Text className='gz-section-title'>公示内容</Text>
          <Text className='gz-hint'>将展示在社区公示栏，已自动隐去姓名、电话、门牌号，请核对后确认；清空则只公示类别和办结时间</Text>
          <Textarea
            className='gz-textarea gz-public-summary-field'
            value={publicSummary}
            maxlength={-1}
            onInput={(e) => setPublicSummary(e.detail.value)}
          />
          <Text className='gz-counter'>
            {summaryLength}/{LIMITS.publicSummaryMax}
          </Text>
        </View>
      ) : null}
      {problem ? <Text className='gz-field-error'>{problem}</Text> : null}
      <View className='gz-button-row'>
        <Button size='large' onClick={onCancel} disabled={submitting}>
          取消
        </Button>
        <Button
          className='gz-note-submit'
          type={danger ? 'danger' : 'primary'}
          size='large'
          loading={submitting}
          disabled={submitting}
          onClick={submit}
        >
          {submitText}
        </Button>
      </View>
    </View>
  );
}
