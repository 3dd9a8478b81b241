import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { METRICS_SCOPE_LABELS, MetricsScopeKind, type MetricsBreakdown, type MetricsQuery } from '@gezhi/shared';
import { ChoiceChips } from '../../../components/ChoiceChips';

/** 'OWN' = the viewer's own unit (scope omitted); otherwise "KIND:id". */
export type ScopeKey = string;

export interface ScopeGroup {
  kind: MetricsScopeKind;
  /** e.g. 「网格（明日星城社区）」; default: the kind's label */
  title?: string;
  options: { value: ScopeKey; label: string }[];
}

export const OWN_SCOPE: ScopeKey = 'OWN';

export const scopeKey = (kind: MetricsScopeKind, id: number): ScopeKey => `${kind}:${id}`;

/** The query part of a scope key (nothing for the viewer's own unit). */
export function scopeQuery(key: ScopeKey): Pick<MetricsQuery, 'scope' | 'id'> {
  if (!key || key === OWN_SCOPE) return {};
  const [kind, id] = key.split(':');
  return { scope: kind as MetricsScopeKind, id: Number(id) };
}

/** One group of units from a breakdown's rows (rows without an id, i.e. categories, are not units). */
export function scopeGroup(kind: MetricsScopeKind, breakdown: MetricsBreakdown | undefined, title?: string): ScopeGroup | null {
  const rows = (breakdown?.rows ?? []).filter((r) => r.id !== null);
  if (!rows.length) return null;
  return { kind, title, options: rows.map((r) => ({ value: scopeKey(kind, r.id as number), label: r.label })) };
}

/**
 * What the viewer may pick: the units below their own, as the server lists them in breakdowns of the viewer's own
 * scope (社区 and 部门 of a street, 网格 of a community / grid leader) — and, for a street officer, the grids of the
 * community they opened. A breakdown the viewer may not ask for is simply absent, so the picker never offers a unit
 * the server would refuse.
 */
export function scopeGroups(breakdowns: {
  community?: MetricsBreakdown;
  grid?: MetricsBreakdown;
  department?: MetricsBreakdown;
  /** a street officer's opened community: its grids */
  communityGrids?: { communityName: string; breakdown: MetricsBreakdown };
}): ScopeGroup[] {
  return [
    scopeGroup(MetricsScopeKind.Community, breakdowns.community),
    breakdowns.communityGrids
      ? scopeGroup(MetricsScopeKind.Grid, breakdowns.communityGrids.breakdown, `网格（${breakdowns.communityGrids.communityName}）`)
      : scopeGroup(MetricsScopeKind.Grid, breakdowns.grid),
    scopeGroup(MetricsScopeKind.Department, breakdowns.department),
  ].filter((g): g is ScopeGroup => g !== null);
}

export interface ScopePickerProps {
  ownLabel: string;
  /** the name of the unit shown now */
  currentLabel: string;
  groups: ScopeGroup[];
  value: ScopeKey;
  onChange: (key: ScopeKey) => void;
  /** a street officer picks a community first, then one of its grids */
  hint?: string;
}

/** 范围: my own unit, or one of the units below it — folded to one line until 切换范围 is tapped. */
export function ScopePicker({ ownLabel, currentLabel, groups, value, onChange, hint }: ScopePickerProps) {
  const [open, setOpen] = useState(false);
  return (
    <View className={`gz-scope-picker ${open ? 'gz-scope-picker--open' : ''}`}>
      <View className='gz-scope-picker__current'>
        <Text className='gz-scope-picker__kind'>范围</Text>
        <Text className='gz-scope-picker__name'>{currentLabel || ownLabel}</Text>
        {groups.length ? (
          <Text className='gz-scope-picker__toggle' onClick={() => setOpen(!open)}>
            {open ? '收起 ▴' : '切换范围 ▾'}
          </Text>
        ) : null}
      </View>
      {open ? (
        <>
          <View className='gz-scope-picker__group'>
            <ChoiceChips className='gz-scope-own' options={[{ value: OWN_SCOPE, label: ownLabel }]} value={value} onChange={onChange} />
          </View>
          {groups.map((group) => (
            <View key={`${group.kind}-${group.title ?? ''}`} className={`gz-scope-picker__group gz-scope-picker__group--${group.kind.toLowerCase()}`}>
              <Text className='gz-scope-picker__kind'>{group.title ?? METRICS_SCOPE_LABELS[group.kind]}</Text>
              <ChoiceChips options={group.options} value={value} onChange={onChange} />
            </View>
          ))}
          {hint ? <Text className='gz-hint'>{hint}</Text> : null}
        </>
      ) : null}
    </View>
  );
}
