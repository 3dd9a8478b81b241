import { Text, View } from '@tarojs/components';
import { LIMITS } from '@gezhi/shared';
import './index.scss';

const SCORE_WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'];
const STARS = Array.from({ length: LIMITS.ratingMax }, (_, i) => i + 1);

export interface StarRowProps {
  label: string;
  /** 0 = not scored yet */
  value: number;
  onChange?: (score: number) => void;
  /** e.g. gz-rate-speed, a stable hook for browser tests */
  className?: string;
}

/** One 1–5 star row; read-only when `onChange` is absent. */
export function StarRow({ label, value, onChange, className }: StarRowProps) {
  return (
    <View className={`gz-star-row ${className ?? ''}`}>
      <Text className='gz-star-row__label'>{label}</Text>
      <View className='gz-star-row__stars'>
        {STARS.map((score) => (
          <View
            key={score}
            className={`gz-star ${score <= value ? 'gz-star--on' : ''}`}
            aria-label={`${label}${score}星`}
            onClick={onChange ? () => onChange(score) : undefined}
          >
            ★
          </View>
        ))}
      </View>
      <Text className='gz-star-row__word'>{SCORE_WORDS[value] ?? ''}</Text>
    </View>
  );
}
