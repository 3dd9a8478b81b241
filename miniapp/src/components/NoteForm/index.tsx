import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { LIMITS, type NoteBody } from '@gezhi/shared';
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
  onSubmit: (body: NoteBody) => Promise<void>;
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
  onSubmit,
  onCancel,
}: NoteFormProps) {
  const [note, setNote] = useState('');
  const [photoIds, setPhotoIds] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const length = charCount(note.trim());

  const submit = async () => {
    if (length === 0) return setProblem(requiredText ?? '请填写内容');
    if (length < minLength) return setProblem(`请至少填写 ${minLength} 个字`);
    if (length > maxLength) return setProblem(`不能超过 ${maxLength} 个字`);
    if (uploading) return setProblem('照片还在上传，请稍候');
    setProblem('');
    if (confirm && !(await confirmAction({ ...confirm, confirmText: submitText }))) return;
    setSubmitting(true);
    try {
      await onSubmit(maxPhotos > 0 ? { note: note.trim(), photoIds } : { note: note.trim() });
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
