import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { categoryLabel, LIMITS, Role, SERVICE_ASK_CATEGORY } from '@gezhi/shared';
import { errorMessage } from '../../../../api/client';
import { askForService } from '../../../../api/endpoints';
import { SignInRequiredPage } from '../../../../components/SignInRequired';
import { validateRequestDraft } from '../../../../components/RequestForm/validation';
import { replaceWithRequestDetail } from '../../../../navigation';
import { useSession } from '../../../../session/session';
import { Button } from '../../../../ui/nutui';
import { toastSuccess } from '../../../../utils/confirm';
import { charCount } from '../../../../utils/format';
import { BindHomePrompt } from '../../components/BindHomePrompt';
import '../../services.scss';

const ASK_CATEGORY = categoryLabel(SERVICE_ASK_CATEGORY.category, SERVICE_ASK_CATEGORY.subcategory);

/**
 * 「没有找到想要的服务？」: the resident describes what they need; it is filed as a request (诉求) for their grid leader
 * and the request's detail replaces this form. Hooks: `gz-description` (also `gz-ask-description`), `gz-submit`.
 */
export default function ServiceAskPage() {
  const { signedIn, me } = useSession();
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const length = charCount(description.trim());

  if (!signedIn) return <SignInRequiredPage />;
  if (me?.role === Role.Resident && !me.home) {
    return <BindHomePrompt description='绑定住址后，您的需求会直接交给所在网格的网格长。' />;
  }

  const submit = async () => {
    // the same length rules as any request description (shared LIMITS)
    const invalid = validateRequestDraft({ ...SERVICE_ASK_CATEGORY, description, photoIds: [] }).description;
    if (invalid) return setProblem(invalid.replace('问题描述', '需求描述'));
    setProblem('');
    setSubmitting(true);
    try {
      const created = await askForService({ description: description.trim() });
      toastSuccess('已提交');
      void replaceWithRequestDetail(created.id);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className='gz-page gz-service-ask-page'>
      <View className='gz-card'>
        <Text className='gz-section-title'>您需要什么服务？</Text>
        <Text className='gz-hint'>
          请写清需要的服务、时间和特殊情况。提交后将作为诉求（{ASK_CATEGORY}）交给
          {me?.home?.gridLeaderName ? `${me.home.gridName}网格长 ${me.home.gridLeaderName}` : '您所在网格的网格长'}，可在“我的诉求”查看进度。
        </Text>
        <Textarea
          className='gz-textarea gz-description gz-ask-description'
          value={description}
          placeholder='例如：家里老人行动不便，想请人每周上门代买一次菜'
          maxlength={-1}
          onInput={(e) => setDescription(e.detail.value)}
        />
        <Text className={`gz-counter ${length > LIMITS.descriptionMax ? 'gz-counter--over' : ''}`}>
          {length}/{LIMITS.descriptionMax}
        </Text>
        {problem ? <Text className='gz-field-error'>{problem}</Text> : null}
        <Button className='gz-submit' type='primary' size='large' block loading={submitting} disabled={submitting} onClick={submit}>
          提交
        </Button>
      </View>
    </View>
  );
}
