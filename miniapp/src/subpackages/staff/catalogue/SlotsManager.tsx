import { Input, Text, View } from '@tarojs/components';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { ErrorCode, SERVICE_KIND_LABELS, type RecurrenceRuleView, type SlotView } from '@gezhi/shared';
import { ApiError, errorMessage } from '../../../api/client';
import { deleteSlot, getService, listRecurrences, listSlots, updateSlot } from '../../../api/endpoints';
import { EmptyState } from '../../../components/EmptyState';
import { ListFooter } from '../../../components/ListFooter';
import { LoadState } from '../../../components/LoadState';
import { useRemote } from '../../../hooks/useRemote';
import { Button } from '../../../ui/nutui';
import { confirmAction, toastError, toastSuccess } from '../../../utils/confirm';
import { describeRecurrence, describeSlotTime, describeValidity } from '../../../utils/service-schedule';
import { groupSlotsByDay, slotTimeText, slotWindow, SLOT_WINDOW_DAYS } from '../../../utils/service-format';
import { capacityProblem } from './slot-drafts';
import { OneOffSlotForm, RecurrenceForm } from './SlotForms';
import './catalogue.scss';

/** The upcoming slots, loaded SLOT_WINDOW_DAYS at a time ([now, +14 d), then the next 14 days, …). */
function useUpcomingSlots(serviceId: number) {
  const [slots, setSlots] = useState<SlotView[]>([]);
  const [loadedUntil, setLoadedUntil] = useState<Date | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const sequence = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++sequence.current;
    const window = slotWindow(new Date());
    if (!window) return;
    setLoading(true);
    setError(null);
    try {
      const found = await listSlots(serviceId, window);
      if (mine !== sequence.current) return;
      setSlots(found);
      setLoadedUntil(new Date(window.to));
    } catch (e) {
      if (mine === sequence.current) setError(e);
    } finally {
      if (mine === sequence.current) setLoading(false);
    }
  }, [serviceId]);

  const next = loadedUntil ? slotWindow(loadedUntil) : null;
  const loadMore = useCallback(async () => {
    if (!next || loading || loadingMore) return;
    const mine = sequence.current;
    setLoadingMore(true);
    try {
      const found = await listSlots(serviceId, next);
      if (mine !== sequence.current) return;
      setSlots((current) => [...current, ...found.filter((slot) => !current.some((c) => c.id === slot.id))]);
      setLoadedUntil(new Date(next.to));
    } catch (e) {
      toastError(errorMessage(e));
    } finally {
      setLoadingMore(false);
    }
  }, [next, loading, loadingMore, serviceId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const replace = (slot: SlotView) => setSlots((current) => current.map((s) => (s.id === slot.id ? slot : s)));
  const remove = (id: number) => setSlots((current) => current.filter((s) => s.id !== id));
  return { slots, loading, loadingMore, error, hasMore: next !== null, loadedUntil, reload, loadMore, replace, remove };
}

interface SlotRowProps {
  slot: SlotView;
  serviceId: number;
  onChanged: (slot: SlotView) => void;
  onDeleted: (id: number) => void;
  /** the slot changed meanwhile (someone booked): reload the list */
  onStale: () => void;
}

/** One slot: booked/capacity, 改名额 (not below the booked places), 删除 (only while nobody booked it). */
function SlotRow({ slot, serviceId, onChanged, onDeleted, onStale }: SlotRowProps) {
  const [editing, setEditing] = useState(false);
  const [capacity, setCapacity] = useState(String(slot.capacity));
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const full = slot.free <= 0;

  const startEditing = () => {
    setCapacity(String(slot.capacity));
    setProblem('');
    setEditing(true);
  };

  const saveCapacity = async () => {
    const invalid = capacityProblem(capacity, slot.booked);
    if (invalid) return setProblem(invalid);
    setBusy(true);
    try {
      onChanged(await updateSlot(serviceId, slot.id, { capacity: Number(capacity.trim()) }));
      setEditing(false);
      toastSuccess('名额已修改');
    } catch (error) {
      if (error instanceof ApiError && error.code === ErrorCode.CapacityBelowBooked) {
        setProblem(`${error.message}，已刷新最新预约人数`);
        onStale();
      } else if (error instanceof ApiError && error.code === ErrorCode.ValidationFailed && error.fieldErrors.capacity) {
        setProblem(capacityProblem(capacity) ?? error.message);
      } else setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    const ok = await confirmAction({
      title: '删除时段',
      content: `删除 ${describeSlotTime(slot)} 的时段？删除后居民不能再预约这个时段。`,
      confirmText: '确认删除',
    });
    if (!ok) return;
    setBusy(true);
    try {
      await deleteSlot(serviceId, slot.id);
      toastSuccess('已删除');
      onDeleted(slot.id);
    } catch (error) {
      toastError(errorMessage(error));
      if (error instanceof ApiError && error.code === ErrorCode.SlotHasBookings) onStale();
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='gz-slot-row'>
      <View className='gz-row-between'>
        <Text className='gz-slot-row__time'>{slotTimeText(slot)}</Text>
        <Text className={`gz-slot-row__booked ${full ? 'gz-slot-row__booked--full' : ''}`}>
          已约 {slot.booked}/{slot.capacity}
        </Text>
      </View>
      <View className='gz-row-between'>
        <Text className='gz-hint'>{slot.ruleId ? '循环规则生成' : '单次时段'}</Text>
        {editing ? null : (
          <View className='gz-slot-row__actions'>
            <Text className='gz-link gz-slot-edit' onClick={startEditing}>
              改名额
            </Text>
            {slot.booked === 0 ? (
              <Text className='gz-link gz-link--danger gz-slot-delete' onClick={busy ? undefined : remove}>
                删除
              </Text>
            ) : (
              <Text className='gz-hint gz-slot-row__locked'>已有预约，不能删除</Text>
            )}
          </View>
        )}
      </View>
      {editing ? (
        <View className='gz-inline-form'>
          <Input className='gz-input gz-slot-capacity-input' type='number' value={capacity} onInput={(e) => setCapacity(e.detail.value)} />
          <Button size='large' onClick={() => setEditing(false)} disabled={busy}>
            取消
          </Button>
          <Button className='gz-slot-capacity-save' type='primary' size='large' loading={busy} disabled={busy} onClick={saveCapacity}>
            保存
          </Button>
        </View>
      ) : null}
      {problem ? <Text className='gz-field-error gz-slot-row__error'>{problem}</Text> : null}
    </View>
  );
}

export interface SlotsManagerHandle {
  /** pull-to-refresh: the service, its rules and the first window of slots */
  reload: () => Promise<void>;
  /** reaching the bottom: the next window of slots */
  loadMore: () => Promise<void>;
}

type OpenForm = 'rule' | 'slot' | null;

/** 时段管理 of one service: its recurring rules (+ 添加), one-off slots (+ 添加), and the upcoming slots. */
export const SlotsManager = forwardRef<SlotsManagerHandle, { serviceId: number }>(function SlotsManager({ serviceId }, ref) {
  const service = useRemote(() => getService(serviceId), [serviceId]);
  const rules = useRemote(() => listRecurrences(serviceId), [serviceId]);
  const upcoming = useUpcomingSlots(serviceId);
  const [openForm, setOpenForm] = useState<OpenForm>(null);

  useImperativeHandle(
    ref,
    () => ({
      reload: async () => {
        await Promise.all([service.reload(), rules.reload(), upcoming.reload()]);
      },
      loadMore: upcoming.loadMore,
    }),
    [service, rules, upcoming],
  );

  const ruleAdded = (rule: RecurrenceRuleView) => {
    rules.setData([...(rules.data ?? []), rule]);
    setOpenForm(null);
    void upcoming.reload(); // its slots were created ahead
  };

  const days = groupSlotsByDay(upcoming.slots);

  return (
    <View className='gz-slots-manager'>
      <LoadState loading={service.loading} error={service.error} onRetry={service.reload}>
        {service.data ? (
          <View className='gz-card'>
            <View className='gz-row-between'>
              <Text className='gz-section-title gz-slots-manager__name'>{service.data.name}</Text>
              <Text className='gz-catalogue-kind'>{SERVICE_KIND_LABELS[service.data.kind]}</Text>
            </View>
            <Text className='gz-hint'>
              每次约 {service.data.durationMinutes} 分钟{service.data.active ? '' : ' · 已停用，居民暂时看不到'}
            </Text>
          </View>
        ) : null}
      </LoadState>

      <View className='gz-card gz-rules'>
        <Text className='gz-section-title'>循环规则</Text>
        <LoadState
          loading={rules.loading}
          error={rules.error}
          onRetry={rules.reload}
          isEmpty={(rules.data ?? []).length === 0}
          emptyTitle='还没有循环规则'
          emptyDescription='如每月 9、19、29 日的便民服务日，或每周一至五晚间的错时服务'
        >
          {(rules.data ?? []).map((rule) => (
            <View key={rule.id} className='gz-rule'>
              <Text className='gz-rule__text'>{describeRecurrence(rule)}</Text>
              <Text className='gz-hint'>{describeValidity(rule)}</Text>
            </View>
          ))}
        </LoadState>
        {openForm === 'rule' ? null : (
          <Button className='gz-rule-add' type='primary' fill='outline' size='large' block onClick={() => setOpenForm('rule')}>
            添加循环规则
          </Button>
        )}
      </View>
      {openForm === 'rule' ? <RecurrenceForm serviceId={serviceId} onCreated={ruleAdded} onCancel={() => setOpenForm(null)} /> : null}

      {openForm === 'slot' ? (
        <OneOffSlotForm
          serviceId={serviceId}
          onCancel={() => setOpenForm(null)}
          onCreated={() => {
            setOpenForm(null);
            void upcoming.reload();
          }}
        />
      ) : null}

      <View className='gz-card gz-upcoming'>
        <View className='gz-row-between'>
          <Text className='gz-section-title'>近期时段</Text>
          {openForm === 'slot' ? null : (
            <Text className='gz-link gz-slot-add' onClick={() => setOpenForm('slot')}>
              添加单次时段
            </Text>
          )}
        </View>
        {/* a reload after a change keeps the rows (and a row's error message) on screen */}
        <LoadState loading={upcoming.loading && upcoming.loadedUntil === null} error={upcoming.error} onRetry={upcoming.reload}>
          {days.length === 0 ? (
            <EmptyState title={`未来 ${SLOT_WINDOW_DAYS} 天没有时段`} description='添加循环规则或单次时段后，这里会列出可预约的时段' />
          ) : (
            days.map((day) => (
              <View key={day.date} className='gz-slot-day'>
                <Text className='gz-slot-day__label'>{day.label}</Text>
                {day.slots.map((slot) => (
                  <SlotRow
                    key={slot.id}
                    slot={slot}
                    serviceId={serviceId}
                    onChanged={upcoming.replace}
                    onDeleted={upcoming.remove}
                    onStale={() => void upcoming.reload()}
                  />
                ))}
              </View>
            ))
          )}
          <ListFooter loadingMore={upcoming.loadingMore} hasMore={upcoming.hasMore} onLoadMore={upcoming.loadMore} />
        </LoadState>
      </View>
    </View>
  );
});
