/** The chain's reason forms: 上报 (escalate), 退回 (return a whistled item), 报到 (report in with a plan). */
import { LIMITS } from '@gezhi/shared';
import { NoteForm } from '../NoteForm';

interface ReasonFormProps {
  onSubmit: (text: string) => Promise<void>;
  onCancel: () => void;
}

/** 上报 one level up: a reason is required, and the holder confirms (the item leaves their hands). */
export function EscalateForm({ onSubmit, onCancel, nextLevelName }: ReasonFormProps & { nextLevelName: string }) {
  return (
    <NoteForm
      className='gz-escalate-form'
      fieldClassName='gz-reason'
      title={`上报${nextLevelName}`}
      placeholder={`请写明上报理由（${LIMITS.reasonMin}–${LIMITS.reasonMax} 字），如：涉及楼上住户，需${nextLevelName}协调`}
      submitText='确认上报'
      requiredText='请填写上报理由'
      minLength={LIMITS.reasonMin}
      maxLength={LIMITS.reasonMax}
      maxPhotos={0}
      confirm={{ title: '上报诉求', content: `上报后由${nextLevelName}接手办理，确定上报吗？` }}
      onCancel={onCancel}
      onSubmit={(body) => onSubmit(body.note)}
    />
  );
}

/** 退回: the department is not responsible; a reason is required, and the liaison confirms. */
export function ReturnForm({ onSubmit, onCancel }: ReasonFormProps) {
  return (
    <NoteForm
      className='gz-return-form'
      fieldClassName='gz-reason'
      title='退回'
      placeholder={`请写明退回理由（${LIMITS.reasonMin}–${LIMITS.reasonMax} 字），如：不属于本部门职责`}
      submitText='确认退回'
      requiredText='请填写退回理由'
      minLength={LIMITS.reasonMin}
      maxLength={LIMITS.reasonMax}
      maxPhotos={0}
      danger
      confirm={{ title: '退回诉求', content: '退回后本部门不再处理这条诉求，由街道重新派单，确定退回吗？' }}
      onCancel={onCancel}
      onSubmit={(body) => onSubmit(body.note)}
    />
  );
}

/** 报到: acknowledge the whistle with the department's plan (处置方案). */
export function ReportForm({ onSubmit, onCancel }: ReasonFormProps) {
  return (
    <NoteForm
      className='gz-report-form'
      fieldClassName='gz-plan'
      title='报到'
      placeholder='写明本部门的处置方案：谁负责、何时到场、怎么处理'
      submitText='确认报到'
      requiredText='请填写处置方案'
      minLength={LIMITS.reasonMin}
      maxLength={LIMITS.noteMax}
      maxPhotos={0}
      onCancel={onCancel}
      onSubmit={(body) => onSubmit(body.note)}
    />
  );
}
