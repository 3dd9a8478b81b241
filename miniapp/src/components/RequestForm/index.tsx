import { Text, Textarea, View } from '@tarojs/components';
import { useMemo, useState, type ReactNode } from 'react';
import { CATEGORIES, findCategory, LIMITS, RequestCategory, Urgency, URGENCY_LABELS, type CreateRequestBody } from '@gezhi/shared';
import { ApiError, errorMessage } from '../../api/client';
import { Button, Switch } from '../../ui/nutui';
import { charCount } from '../../utils/format';
import { ChoiceChips } from '../ChoiceChips';
import { PhotoPicker, type PhotoPickerProps } from '../PhotoPicker';
import { fieldErrorMessage, REQUEST_FIELD_LABELS, validateRequestDraft, type DraftErrors, type RequestDraftField } from './validation';
import './index.scss';

/** The fields every filing has; staff add room, channel and contact on top (see file-on-behalf). */
export type RequestFormValues = Pick<
  CreateRequestBody,
  'category' | 'subcategory' | 'description' | 'photoIds' | 'urgency' | 'showNamePublicly'
>;

export interface RequestFormProps {
  /** files the item; throw an ApiError to show server (field) errors in the form */
  onSubmit: (values: RequestFormValues) => Promise<void>;
  /** extra checks of fields the caller renders in `header`; return false to block submitting */
  validateHeader?: () => boolean;
  /** fields rendered above the common ones (staff: room, channel, contact) */
  header?: ReactNode;
  /** passed to the photo picker (tests inject an upload transport) */
  upload?: PhotoPickerProps['upload'];
}

const URGENCY_OPTIONS = [Urgency.Normal, Urgency.Urgent].map((value) => ({ value, label: URGENCY_LABELS[value] }));
const CATEGORY_OPTIONS = CATEGORIES.map((c) => ({ value: c.code, label: c.label }));
const DRAFT_FIELDS: RequestDraftField[] = ['category', 'subcategory', 'description', 'photoIds'];

export function RequestForm({ onSubmit, validateHeader, header, upload }: RequestFormProps) {
  const [category, setCategory] = useState<RequestCategory | ''>('');
  const [subcategory, setSubcategory] = useState('');
  const [description, setDescription] = useState('');
  const [photoIds, setPhotoIds] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const [urgency, setUrgency] = useState<Urgency>(Urgency.Normal);
  const [showNamePublicly, setShowNamePublicly] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<DraftErrors>({});
  const [otherServerErrors, setOtherServerErrors] = useState<string[]>([]);
  const [failure, setFailure] = useState('');
  const [submitting, setSubmitting] = useState(false);

  const clientErrors = useMemo(
    () => validateRequestDraft({ category, subcategory, description, photoIds }),
    [category, subcategory, description, photoIds],
  );
  const shownErrors: DraftErrors = attempted ? { ...serverErrors, ...clientErrors } : serverErrors;
  const subcategoryOptions = (findCategory(category)?.subcategories ?? []).map((s) => ({ value: s.code, label: s.label }));
  const length = charCount(description.trim());

  const chooseCategory = (next: RequestCategory) => {
    setCategory(next);
    if (next !== category) setSubcategory('');
  };

  const showServerErrors = (error: ApiError) => {
    const mine: DraftErrors = {};
    const others: string[] = [];
    for (const [field, code] of Object.entries(error.fieldErrors)) {
      if (!code) continue;
      const message = `${REQUEST_FIELD_LABELS[field] ?? field}：${fieldErrorMessage(code)}`;
      if ((DRAFT_FIELDS as string[]).includes(field)) mine[field as RequestDraftField] = message;
      else others.push(message);
    }
    setServerErrors(mine);
    setOtherServerErrors(others);
    setFailure(error.message);
  };

  const submit = async () => {
    setAttempted(true);
    setServerErrors({});
    setOtherServerErrors([]);
    setFailure('');
    const headerOk = validateHeader ? validateHeader() : true;
    if (Object.keys(clientErrors).length || !headerOk || !category) return;
    if (uploading) {
      setFailure('照片还在上传，请稍候再提交');
      return;
    }
    setSubmitting(true);
    try {
      await onSubmit({ category, subcategory, description: description.trim(), photoIds, urgency, showNamePublicly });
    } catch (error) {
      if (error instanceof ApiError) showServerErrors(error);
      else setFailure(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className='gz-request-form'>
      {header}
      <View className='gz-card'>
        <Text className='gz-section-title'>遇到了什么问题？</Text>
        <ChoiceChips className='gz-category' options={CATEGORY_OPTIONS} value={category} onChange={chooseCategory} />
        {shownErrors.category ? <Text className='gz-field-error'>{shownErrors.category}</Text> : null}
        {subcategoryOptions.length ? (
          <>
            <Text className='gz-field-label'>具体类型</Text>
            <ChoiceChips className='gz-subcategory' options={subcategoryOptions} value={subcategory} onChange={setSubcategory} />
          </>
        ) : null}
        {shownErrors.subcategory ? <Text className='gz-field-error'>{shownErrors.subcategory}</Text> : null}
      </View>

      <View className='gz-card'>
        <Text className='gz-section-title'>问题描述</Text>
        <Textarea
          className='gz-textarea gz-description'
          value={description}
          placeholder={`请说明具体位置和情况（${LIMITS.descriptionMin}–${LIMITS.descriptionMax} 字）`}
          maxlength={-1}
          onInput={(e) => setDescription(e.detail.value)}
        />
        <Text className={`gz-counter ${length > LIMITS.descriptionMax ? 'gz-counter--over' : ''}`}>
          {length}/{LIMITS.descriptionMax}
        </Text>
        {shownErrors.description ? <Text className='gz-field-error'>{shownErrors.description}</Text> : null}
      </View>

      <View className='gz-card'>
        <Text className='gz-section-title'>现场照片（选填，最多 {LIMITS.photosPerRequest} 张）</Text>
        <PhotoPicker
          max={LIMITS.photosPerRequest}
          upload={upload}
          onChange={(ids, busy) => {
            setPhotoIds(ids);
            setUploading(busy);
          }}
        />
        {shownErrors.photoIds ? <Text className='gz-field-error'>{shownErrors.photoIds}</Text> : null}
      </View>

      <View className='gz-card'>
        <Text className='gz-section-title'>紧急程度</Text>
        <ChoiceChips className='gz-urgency' options={URGENCY_OPTIONS} value={urgency} onChange={setUrgency} />
        <View className='gz-switch-row'>
          <Text className='gz-switch-row__label'>允许公开显示我的姓名</Text>
          <Switch className='gz-show-name' checked={showNamePublicly} onChange={setShowNamePublicly} />
        </View>
        <Text className='gz-hint'>不公开时，其他人只能看到您的姓氏。</Text>
      </View>

      {otherServerErrors.map((message) => (
        <Text key={message} className='gz-field-error'>
          {message}
        </Text>
      ))}
      {failure ? <Text className='gz-form-error'>{failure}</Text> : null}
      <Button
        className='gz-submit'
        type='primary'
        size='xlarge'
        block
        loading={submitting}
        disabled={submitting}
        onClick={submit}
      >
        提交
      </Button>
    </View>
  );
}
