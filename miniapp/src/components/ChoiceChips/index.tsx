import { View } from '@tarojs/components';

export interface ChoiceOption<V extends string> {
  value: V;
  label: string;
}

export interface ChoiceChipsProps<V extends string> {
  options: readonly ChoiceOption<V>[];
  value: V | '' | undefined;
  onChange: (value: V) => void;
  className?: string;
}

/** Large single-choice chips (easier to hit than a picker wheel, and every option stays visible). */
export function ChoiceChips<V extends string>({ options, value, onChange, className }: ChoiceChipsProps<V>) {
  return (
    <View className={`gz-chips ${className ?? ''}`}>
      {options.map((option) => (
        <View
          key={option.value}
          className={`gz-chip ${option.value === value ? 'gz-chip--active' : ''}`}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </View>
      ))}
    </View>
  );
}
