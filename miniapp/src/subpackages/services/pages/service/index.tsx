import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ErrorCode, Role, type SlotView } from '@gezhi/shared';
import { ApiError, errorMessage } from '../../../../api/client';
import { bookSlot, getService, listSlots } from '../../../../api/endpoints';
import { LoadState } from '../../../../components/LoadState';
import { SignInRequiredPage } from '../../../../components/SignInRequired';
import { useRemote } from '../../../../hooks/useRemote';
import { goBindHome, goMyBookings, replaceWithBooking } from '../../../../navigation';
import { useSession } from '../../../../session/session';
import { Button } from '../../../../ui/nutui';
import { toastError, toastSuccess } from '../../../../utils/confirm';
import { BindHomePrompt } from '../../components/BindHomePrompt';
import { BookingSheet } from '../../components/BookingSheet';
import { ServiceCard } from '../../components/ServiceCard';
import { SlotDays } from '../../components/SlotDays';
import { ineligibleReason, SLOT_WINDOW_DAYS, slotWindow } from '../../../../utils/service-format';
import '../../services.scss';

type Window = { from: string; to: string };

/** A refusal that closes the sheet: shown above the slots, with a way forward. */
interface Notice {
  text: string;
  action?: { label: string; run: () => void };
}

/** Slots of one service, window by window (14 days each, 「加载更多日期」 for the next). */
function useSlotWindows(serviceId: number, enabled: boolean) {
  const [slots, setSlots] = useState<SlotView[]>([]);
  const [windows, setWindows] = useState<Window[]>([]);
  const [loading, setLoading] = useState(enabled);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const sequence = useRef(0);

  /** (re)loads every window loaded so far (the first from now), e.g. after 已约满 */
  const reload = useCallback(
    async (keep: Window[] = []) => {
      const mine = ++sequence.current;
      const first = slotWindow(new Date());
      const wanted = first ? [first, ...keep.slice(1)] : [];
      setLoading(true);
      setError(null);
      try {
        const pages = await Promise.all(wanted.map((w) => listSlots(serviceId, w)));
        if (mine !== sequence.current) return;
        setSlots(pages.flat());
        setWindows(wanted);
      } catch (e) {
        if (mine === sequence.current) setError(e);
      } finally {
        if (mine === sequence.current) setLoading(false);
      }
    },
    [serviceId],
  );

  const last = windows[windows.length - 1];
  const next = last ? slotWindow(new Date(last.to)) : null;

  const loadMore = async () => {
    if (!next || loadingMore) return;
    const mine = sequence.current;
    setLoadingMore(true);
    try {
      const more = await listSlots(serviceId, next);
      if (mine !== sequence.current) return;
      setSlots((current) => [...current, ...more.filter((slot) => !current.some((c) => c.id === slot.id))]);
      setWindows((current) => [...current, next]);
    } catch (e) {
      toastError(errorMessage(e));
    } finally {
      setLoadingMore(false);
    }
  };

  useEffect(() => {
    if (enabled) void reload();
  }, [enabled, reload]);

  // enabled but nothing asked yet (the first render after the service loaded): loading, not empty
  const waiting = enabled && windows.length === 0 && !error;
  return { slots, windows, loading: loading || waiting, loadingMore, error, hasMore: next !== null, reload, loadMore };
}

/**
 * A service and its slots by day; booking takes two taps: a slot (opens the confirmation sheet), then 确认预约.
 * 已约满 / 已截止 refresh the slots; 已预约 leads to 我的预约.
 */
export default function ServicePage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const { signedIn, me } = useSession();
  const unbound = me?.role === Role.Resident && !me.home;
  const service = useRemote(() => getService(id), [id], signedIn && !unbound);
  const eligible = service.data ? ineligibleReason(service.data) === null : false;
  const slots = useSlotWindows(id, signedIn && !unbound && eligible);
  const [picked, setPicked] = useState<SlotView | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);

  usePullDownRefresh(async () => {
    setNotice(null);
    await Promise.all([service.reload(), eligible ? slots.reload(slots.windows) : Promise.resolve()]);
    Taro.stopPullDownRefresh();
  });

  const pick = (slot: SlotView) => {
    setNotice(null);
    setProblem('');
    setPicked(slot);
  };

  const refuse = (text: string, action?: Notice['action']) => {
    setPicked(null);
    setNotice({ text, action });
    toastError(text);
  };

  const confirm = async (note: string | undefined) => {
    if (!picked) return;
    setSubmitting(true);
    setProblem('');
    try {
      const booking = await bookSlot(note ? { slotId: picked.id, note } : { slotId: picked.id });
      setPicked(null);
      toastSuccess('预约成功');
      void replaceWithBooking(booking.id);
    } catch (e) {
      const code = e instanceof ApiError ? e.code : null;
      switch (code) {
        case ErrorCode.SlotFull:
        case ErrorCode.SlotClosed:
          // someone took the last place (or the slot started): show the current places
          refuse(`${errorMessage(e)}，请选择其他时段`);
          void slots.reload(slots.windows);
          break;
        case ErrorCode.AlreadyBooked:
          refuse(errorMessage(e), { label: '查看我的预约', run: goMyBookings });
          break;
        case ErrorCode.NotEligible:
          refuse(errorMessage(e));
          void service.reload();
          break;
        case ErrorCode.HomeNotBound:
          refuse(errorMessage(e), { label: '去绑定住址', run: goBindHome });
          break;
        default:
          setProblem(errorMessage(e));
      }
    } finally {
      setSubmitting(false);
    }
  };

  if (!signedIn) return <SignInRequiredPage />;
  if (unbound) return <BindHomePrompt />;

  const offering = service.data;
  const reason = offering ? ineligibleReason(offering) : null;

  return (
    <View className='gz-page gz-service-page'>
      <LoadState loading={service.loading && !offering} error={offering ? null : service.error} onRetry={service.reload}>
        {offering ? (
          <>
            <ServiceCard service={offering} tags={me?.tags} />
            {notice ? (
              <View className='gz-booking-notice'>
                <Text>{notice.text}</Text>
                {notice.action ? (
                  <Text className='gz-booking-notice__action' onClick={notice.action.run}>
                    {' '}
                    {notice.action.label} ›
                  </Text>
                ) : null}
              </View>
            ) : null}
            {reason ? null : (
              <View className='gz-card gz-slots'>
                <Text className='gz-section-title'>选择时段</Text>
                <Text className='gz-hint'>点选一个时段，确认后即预约成功。</Text>
                <LoadState
                  loading={slots.loading}
                  error={slots.error}
                  onRetry={() => void slots.reload(slots.windows)}
                  isEmpty={slots.slots.length === 0 && !slots.hasMore}
                  emptyTitle='暂无可预约的时段'
                >
                  {slots.slots.length ? (
                    <SlotDays slots={slots.slots} onPick={pick} disabled={submitting} />
                  ) : (
                    <Text className='gz-hint gz-slots__none'>
                      {slots.windows.length > 1 ? '这些日期暂无可预约的时段' : `近 ${SLOT_WINDOW_DAYS} 天暂无可预约的时段`}
                    </Text>
                  )}
                  {slots.hasMore ? (
                    <Button
                      className='gz-slots-more'
                      fill='outline'
                      size='large'
                      block
                      loading={slots.loadingMore}
                      disabled={slots.loadingMore}
                      onClick={() => void slots.loadMore()}
                    >
                      加载更多日期
                    </Button>
                  ) : null}
                </LoadState>
              </View>
            )}
            {picked ? (
              <BookingSheet
                service={offering}
                slot={picked}
                address={me?.home?.address ?? null}
                submitting={submitting}
                problem={problem}
                onConfirm={(note) => void confirm(note)}
                onClose={() => setPicked(null)}
              />
            ) : null}
          </>
        ) : null}
      </LoadState>
    </View>
  );
}
