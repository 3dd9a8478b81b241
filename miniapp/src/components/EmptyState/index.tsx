import { Text, View } from '@tarojs/components';
import { Button } from '../../ui/nutui';
import './index.scss';

export interface EmptyStateProps {
  title: string;
  description?: string;
  /** 'error' shows a warning mark instead of the empty mark */
  tone?: 'empty' | 'error';
  actionText?: string;
  onAction?: () => void;
}

export function EmptyState({ title, description, tone = 'empty', actionText, onAction }: EmptyStateProps) {
  return (
    <View className={`gz-empty gz-empty--${tone}`}>
      <View className='gz-empty__mark'>{tone === 'error' ? '!' : '○'}</View>
      <Text className='gz-empty__title'>{title}</Text>
      {description ? <Text className='gz-empty__description'>{description}</Text> : null}
      {actionText && onAction ? (
        <Button className='gz-empty__action' type='primary' fill='outline' size='large' onClick={onAction}>
          {actionText}
        </Button>
      ) : null}
    </View>
  );
}
