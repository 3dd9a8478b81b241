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

export interface MultiChoiceChipsProps<V extends string | number> {
  options: readonly { value: V; label: string }[];
  value: readonly V[];
  /** the new selection, in the options' order */
  onChange: (value: V[]) => void;
  className?: string;
}

/** Multiple-choice chips (tags, days of the month, weekdays, bundle components): a tap toggles one option. */
export function MultiChoiceChips<V extends string | number>({ options, value, onChange, className }: MultiChoiceChipsProps<V>) {
  const toggle = (picked: V) => {
    const next = value.includes(picked) ? value.filter((v) => v !== picked) : [...value, picked];
    onChange(options.map((o) => o.value).filter((v) => next.includes(v)));
  };
  return (
    <View className={`gz-chips ${className ?? ''}`}>
      {options.map((option) => (
        <View
          key={String(option.value)}
          className={`gz-chip ${value.includes(option.value) ? 'gz-chip--active' : ''}`}
          onClick={() => toggle(option.value)}
        >
          {option.label}
        </View>
      ))}
    </View>
  );
}
