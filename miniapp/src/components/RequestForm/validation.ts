/** Client-side checks of the filing form, with the same limits the server enforces (shared LIMITS). */
import { FIELD_ERROR_MESSAGES, findCategory, isValidSubcategory, LIMITS, type FieldErrorCode } from '@gezhi/shared';
import { charCount } from '../../utils/format';

export interface RequestDraft {
  category: string;
  subcategory: string;
  description: string;
  photoIds: string[];
}

export type RequestDraftField = keyof RequestDraft;
export type DraftErrors = Partial<Record<RequestDraftField, string>>;

export function validateRequestDraft(draft: RequestDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (!findCategory(draft.category)) errors.category = '请选择诉求类别';
  else if (!isValidSubcategory(draft.category, draft.subcategory)) errors.subcategory = '请选择具体类型';
  const length = charCount(draft.description.trim());
  if (length === 0) errors.description = '请填写问题描述';
  else if (length < LIMITS.descriptionMin) errors.description = `问题描述至少 ${LIMITS.descriptionMin} 个字`;
  else if (length > LIMITS.descriptionMax) errors.description = `问题描述不能超过 ${LIMITS.descriptionMax} 个字`;
  if (draft.photoIds.length > LIMITS.photosPerRequest) errors.photoIds = `最多上传 ${LIMITS.photosPerRequest} 张照片`;
  return errors;
}

/** Field labels for server-side field errors, so "description: TOO_SHORT" reads "问题描述：内容过短". */
export const REQUEST_FIELD_LABELS: Record<string, string> = {
  category: '诉求类别',
  subcategory: '具体类型',
  description: '问题描述',
  photoIds: '照片',
  urgency: '紧急程度',
  showNamePublicly: '公开姓名',
  channel: '来源渠道',
  roomId: '房屋',
  contactName: '联系人',
  contactPhone: '联系电话',
};

export function fieldErrorMessage(code: FieldErrorCode | string): string {
  return (FIELD_ERROR_MESSAGES as Record<string, string>)[code] ?? '内容有误';
}
