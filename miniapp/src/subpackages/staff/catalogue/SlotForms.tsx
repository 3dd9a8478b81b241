import { Input, Picker, Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { addDays, RecurrenceKind, shanghaiDayOf, type RecurrenceRuleView, type SlotView } from '@gezhi/shared';
import { createRecurrence, createSlot } from '../../../api/endpoints';
import { ChoiceChips, MultiChoiceChips } from '../../../components/ChoiceChips';
import { Button, Switch } from '../../../ui/nutui';
import { toastSuccess } from '../../../utils/confirm';
import { describeRecurrence, WEEKDAY_NAMES } from '../../../utils/service-schedule';
import { placeServerErrors } from './form-errors';
import {
  emptyRuleDraft,
  oneOffBody,
  oneOffFieldOf,
  ruleBody,
  ruleFieldOf,
  validateOneOffDraft,
  validateRuleDraft,
  type OneOffDraft,
  type OneOffField,
  type RuleDraft,
  type RuleErrors,
} from './slot-drafts';

const RULE_KIND_OPTIONS = [
  { value: RecurrenceKind.Monthly, label: '每月固定日期' },
  { value: RecurrenceKind.Weekly, label: '每周固定星期' },
];
const MONTH_DAY_OPTIONS = Array.from({ length: 31 }, (_, i) => ({ value: i + 1, label: String(i + 1) }));
const WEEKDAY_OPTIONS = [1, 2, 3, 4, 5, 6, 7].map((value) => ({ value, label: `周${WEEKDAY_NAMES[value]}` }));

/** A tappable field that opens the native date or time picker. */
function PickerField(props: {
  mode: 'date' | 'time';
  value: string;
  placeholder: string;
  className: string;
  start?: string;
  onChange: (value: string) => void;
}) {
  const { mode, value, placeholder, className, start, onChange } = props;
  const field = <View className={`gz-input gz-picker-field ${className} ${value ? '' : 'gz-picker-field--empty'}`}>{value || placeholder}</View>;
  return mode === 'date' ? (
    <Picker mode='date' value={value} start={start} onChange={(e) => onChange(e.detail.value)}>
      {field}
    </Picker>
  ) : (
    <Picker mode='time' value={value} onChange={(e) => onChange(e.detail.value)}>
      {field}
    </Picker>
  );
}

const errorText = (message: string | undefined, hook: string) => (message ? <Text className={`gz-field-error gz-field-error--${hook}`}>{message}</Text> : null);

export interface RecurrenceFormProps {
  serviceId: number;
  onCreated: (rule: RecurrenceRuleView) => void;
  onCancel: () => void;
}

/** 添加循环规则: monthly days (1–31) or weekdays, a time window, capacity, holidays, an optional validity period. */
export function RecurrenceForm({ serviceId, onCreated, onCancel }: RecurrenceFormProps) {
  const [draft, setDraft] = useState<RuleDraft>(emptyRuleDraft);
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<RuleErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const clientErrors = useMemo(() => validateRuleDraft(draft), [draft]);
  const errors: RuleErrors = attempted ? { ...serverErrors, ...clientErrors } : serverErrors;
  const change = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const today = shanghaiDayOf(new Date());

  const submit = async () => {
    setAttempted(true);
    setServerErrors({});
    setGeneral([]);
    if (Object.keys(clientErrors).length > 0) return;
    setSaving(true);
    try {
      const rule = await createRecurrence(serviceId, ruleBody(draft));
      toastSuccess('规则已添加');
      onCreated(rule);
    } catch (error) {
      const placed = placeServerErrors(error, ruleFieldOf, { skipHolidays: '节假日' });
      setServerErrors(placed.fields);
      setGeneral(placed.general);
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className='gz-card gz-rule-form'>
      <Text className='gz-section-title'>添加循环规则</Text>
      <ChoiceChips className='gz-rule-kind' options={RULE_KIND_OPTIONS} value={draft.kind} onChange={(kind) => change('kind', kind)} />
      {draft.kind === RecurrenceKind.Monthly ? (
        <>
          <Text className='gz-field-label'>每月哪几天（可多选）</Text>
          <MultiChoiceChips
            className='gz-chips--days gz-month-days'
            options={MONTH_DAY_OPTIONS}
            value={draft.monthDays}
            onChange={(days) => change('monthDays', days)}
          />
          <Text className='gz-hint'>某月没有的日期（如 2 月 30 日）当月跳过，不会顺延</Text>
        </>
      ) : (
        <>
          <Text className='gz-field-label'>每周哪几天（可多选）</Text>
          <MultiChoiceChips className='gz-weekdays' options={WEEKDAY_OPTIONS} value={draft.weekdays} onChange={(days) => change('weekdays', days)} />
        </>
      )}
      {errorText(errors.days, 'days')}

      <View className='gz-time-range'>
        <View className='gz-time-range__item'>
          <Text className='gz-field-label'>开始时间</Text>
          <PickerField mode='time' className='gz-rule-start' value={draft.startTime} placeholder='开始' onChange={(v) => change('startTime', v)} />
        </View>
        <View className='gz-time-range__item'>
          <Text className='gz-field-label'>结束时间</Text>
          <PickerField mode='time' className='gz-rule-end' value={draft.endTime} placeholder='结束' onChange={(v) => change('endTime', v)} />
        </View>
      </View>
      {errorText(errors.startTime, 'startTime')}
      {errorText(errors.endTime, 'endTime')}

      <Text className='gz-field-label'>每场人数</Text>
      <Input className='gz-input gz-rule-capacity' type='number' value={draft.capacity} placeholder='如：20' onInput={(e) => change('capacity', e.detail.value)} />
      {errorText(errors.capacity, 'capacity')}

      <View className='gz-switch-row'>
        <Text className='gz-switch-row__label'>法定节假日不开放</Text>
        <Switch className='gz-rule-skip-holidays' checked={draft.skipHolidays} onChange={(on) => change('skipHolidays', on)} />
      </View>
      <Text className='gz-hint'>按工作日历中的节假日跳过；普通周末不算节假日</Text>

      <View className='gz-time-range'>
        <View className='gz-time-range__item'>
          <Text className='gz-field-label'>生效日期（选填）</Text>
          <PickerField mode='date' className='gz-rule-from' value={draft.validFrom} placeholder='从今天起' start={today} onChange={(v) => change('validFrom', v)} />
          {draft.validFrom ? (
            <Text className='gz-link' onClick={() => change('validFrom', '')}>
              清除
            </Text>
          ) : null}
        </View>
        <View className='gz-time-range__item'>
          <Text className='gz-field-label'>截止日期（选填）</Text>
          <PickerField
            mode='date'
            className='gz-rule-until'
            value={draft.validUntil}
            placeholder='长期有效'
            start={draft.validFrom || today}
            onChange={(v) => change('validUntil', v)}
          />
          {draft.validUntil ? (
            <Text className='gz-link' onClick={() => change('validUntil', '')}>
              清除
            </Text>
          ) : null}
        </View>
      </View>
      {errorText(errors.validFrom, 'validFrom')}
      {errorText(errors.validUntil, 'validUntil')}

      {Object.keys(clientErrors).length === 0 ? (
        <Text className='gz-hint gz-rule-preview'>预览：{describeRecurrence({ ...ruleBody(draft) })}</Text>
      ) : null}
      {general.map((message) => (
        <Text key={message} className='gz-form-error'>
          {message}
        </Text>
      ))}
      <View className='gz-button-row'>
        <Button size='large' onClick={onCancel} disabled={saving}>
          取消
        </Button>
        <Button className='gz-rule-submit' type='primary' size='large' loading={saving} disabled={saving} onClick={submit}>
          添加规则
        </Button>
      </View>
    </View>
  );
}

export interface OneOffSlotFormProps {
  serviceId: number;
  onCreated: (slot: SlotView) => void;
  onCancel: () => void;
}

/** 添加单次时段: a date, a start time (the slot lasts the service's duration) and a capacity. */
export function OneOffSlotForm({ serviceId, onCreated, onCancel }: OneOffSlotFormProps) {
  const today = shanghaiDayOf(new Date());
  const [draft, setDraft] = useState<OneOffDraft>(() => ({ date: addDays(today, 1), time: '09:00', capacity: '' }));
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<OneOffField, string>>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const clientErrors = validateOneOffDraft(draft);
  const errors = attempted ? { ...serverErrors, ...clientErrors } : serverErrors;
  const change = <K extends keyof OneOffDraft>(key: K, value: OneOffDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  const submit = async () => {
    setAttempted(true);
    setServerErrors({});
    setGeneral([]);
    if (Object.keys(clientErrors).length > 0) return;
    setSaving(true);
    try {
      const slot = await createSlot(serviceId, oneOffBody(draft));
      toastSuccess('时段已添加');
      onCreated(slot);
    } catch (error) {
      const placed = placeServerErrors(error, oneOffFieldOf);
      setServerErrors(placed.fields);
      setGeneral(placed.general);
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className='gz-card gz-slot-form'>
      <Text className='gz-section-title'>添加单次时段</Text>
      <View className='gz-time-range'>
        <View className='gz-time-range__item'>
          <Text className='gz-field-label'>日期</Text>
          <PickerField mode='date' className='gz-slot-date' value={draft.date} placeholder='选择日期' start={today} onChange={(v) => change('date', v)} />
        </View>
        <View className='gz-time-range__item'>
          <Text className='gz-field-label'>开始时间</Text>
          <PickerField mode='time' className='gz-slot-time' value={draft.time} placeholder='选择时间' onChange={(v) => change('time', v)} />
        </View>
      </View>
      <Text className='gz-hint'>时长按服务设置的时长计算</Text>
      {errorText(errors.startsAt, 'startsAt')}
      <Text className='gz-field-label'>人数</Text>
      <Input className='gz-input gz-slot-capacity' type='number' value={draft.capacity} placeholder='如：10' onInput={(e) => change('capacity', e.detail.value)} />
      {errorText(errors.capacity, 'capacity')}
      {general.map((message) => (
        <Text key={message} className='gz-form-error'>
          {message}
        </Text>
      ))}
      <View className='gz-button-row'>
        <Button size='large' onClick={onCancel} disabled={saving}>
          取消
        </Button>
        <Button className='gz-slot-submit' type='primary' size='large' loading={saving} disabled={saving} onClick={submit}>
          添加时段
        </Button>
      </View>
    </View>
  );
}
