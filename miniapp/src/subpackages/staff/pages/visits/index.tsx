import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { addDays, Role, shanghaiDayOf } from '@gezhi/shared';
import { listProviderVisits } from '../../../../api/endpoints';
import { LoadState } from '../../../../components/LoadState';
import { useRemote } from '../../../../hooks/useRemote';
import { goStaffVisit } from '../../../../navigation';
import { useSession } from '../../../../session/session';
import { dayLabel } from '../../../../utils/service-format';
import { groupVisitsByDay, isLocalDate, planQuery, WEEK_DAYS, type PlanMode } from '../../visits/plan';
import { VisitCard } from '../../visits/VisitCard';
import '../../visits/visits.scss';
import { useOnReturn } from '../../../../hooks/useOnReturn';

const EMPTY_TITLES: Record<PlanMode, string> = { today: '当天没有预约', week: '本周没有预约', day: '当天没有预约' };

/**
 * 上门服务计划: the provider's visits of 今天, 本周 (7 days from today) or a picked day, by day and time, each with the
 * address to walk to. `?day=YYYY-MM-DD` opens that day (the notification of a booking, browser journeys).
 */
export default function StaffVisitsPage() {
  const { params } = useRouter();
  const { me } = useSession();
  const today = shanghaiDayOf(new Date());
  const initialDay = isLocalDate(params?.day) ? params.day : null;
  const [mode, setMode] = useState<PlanMode>(initialDay ? 'day' : 'today');
  const [day, setDay] = useState(initialDay ?? today);
  const query = planQuery(mode, day);
  const plan = useRemote(() => listProviderVisits(query), [mode, day]);
  const days = groupVisitsByDay(plan.data ?? []);
  usePullDownRefresh(async () => {
    await plan.reload();
    Taro.stopPullDownRefresh();
  });
  // back from a visit that was confirmed or completed: show its new status
  useOnReturn(() => void plan.reload());

  const pickDay = (value: string) => {
    if (!isLocalDate(value)) return;
    setDay(value);
    setMode('day');
  };

  const tabClass = (key: PlanMode) => `gz-inbox__tab gz-visits__tab gz-visits__tab--${key} ${mode === key ? 'gz-inbox__tab--active' : ''}`;

  return (
    <View className='gz-page gz-visits'>
      <View className='gz-card gz-visits__head'>
        <View className='gz-visits__scope'>
          <Text className='gz-visits__title'>上门服务计划</Text>
          <Text className='gz-hint'>
            {me?.role === Role.CommunityOfficer ? '您协调的服务预约（志愿服务队、合作机构）' : `负责：${me?.staff?.gridNames.join('、') || '—'}`}
          </Text>
        </View>
      </View>

      <View className='gz-inbox__tabs gz-visits__tabs'>
        <View className={tabClass('today')} onClick={() => setMode('today')}>
          <Text>今天</Text>
        </View>
        <View className={tabClass('week')} onClick={() => setMode('week')}>
          <Text>本周</Text>
        </View>
        <Picker mode='date' value={day} onChange={(e) => pickDay(String(e.detail.value))}>
          <View className={`${tabClass('day')} gz-visit-day-picker`}>
            <Text>{mode === 'day' ? dayLabel(day).replace(/^(今天|明天) /, '') : '选择日期'}</Text>
          </View>
        </Picker>
      </View>

      {mode === 'day' ? (
        <View className='gz-visits__daybar'>
          <Text className='gz-visits__day-step gz-visit-day-prev' onClick={() => pickDay(addDays(day, -1))}>
            ‹ 前一天
          </Text>
          <Text className='gz-visits__day-label gz-visit-day'>{dayLabel(day)}</Text>
          <Text className='gz-visits__day-step gz-visit-day-next' onClick={() => pickDay(addDays(day, 1))}>
            后一天 ›
          </Text>
        </View>
      ) : null}
      {mode === 'week' ? <Text className='gz-hint'>今天起 {WEEK_DAYS} 天的预约，按时间排列</Text> : null}

      <LoadState
        loading={plan.loading}
        error={plan.error}
        onRetry={plan.reload}
        isEmpty={days.length === 0}
        emptyTitle={EMPTY_TITLES[mode]}
        emptyDescription={mode === 'week' ? undefined : '可以切换到「本周」或选择其他日期查看'}
      >
        {days.map((group) => (
          <View key={group.date} className='gz-visit-day-group'>
            <Text className='gz-visit-day__label'>
              {group.label} · {group.visits.length} 个预约
            </Text>
            {group.visits.map((visit) => (
              <VisitCard key={visit.bookingId} visit={visit} onClick={() => goStaffVisit(visit.bookingId)} />
            ))}
          </View>
        ))}
      </LoadState>
    </View>
  );
}
