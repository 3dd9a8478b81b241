import { EligibilityMode, ResidentTag, SERVICE_LIMITS, type SlotView } from '@gezhi/shared';
import {
  dayLabel,
  durationText,
  eligibilityText,
  groupSlotsByDay,
  slotFreeText,
  slotTimeText,
  slotWindow,
} from '../../src/utils/service-format';

const slotAt = (id: number, startsAt: string, free = 3): SlotView => ({
  id,
  serviceId: 1,
  ruleId: null,
  startsAt,
  endsAt: new Date(Date.parse(startsAt) + 3 * 3600_000).toISOString(),
  capacity: 20,
  booked: 20 - free,
  free,
});

describe('便民服务 wording', () => {
  it('words the three eligibility modes', () => {
    const tags = [ResidentTag.ElderlyAlone, ResidentTag.Disabled];
    expect(eligibilityText({ mode: EligibilityMode.OnlyTagged, tags })).toBe('仅限独居老人、残疾人');
    expect(eligibilityText({ mode: EligibilityMode.AllWithPriority, tags: [ResidentTag.ElderlyAlone] })).toBe('独居老人优先');
    expect(eligibilityText({ mode: EligibilityMode.All, tags: [] })).toBe('所有居民可预约');
  });

  it('words durations in minutes and hours', () => {
    expect(durationText(30)).toBe('约 30 分钟');
    expect(durationText(180)).toBe('约 3 小时');
    expect(durationText(90)).toBe('约 1 小时 30 分钟');
  });

  it('groups slots by their Asia/Shanghai day, whatever the device zone, in time order', () => {
    // 2026-12-09 00:30Z = 08:30 on the 9th in Shanghai; 2026-12-08 17:00Z = 01:00 on the 9th in Shanghai
    const days = groupSlotsByDay(
      [slotAt(2, '2026-12-09T00:30:00.000Z'), slotAt(1, '2026-12-08T17:00:00.000Z'), slotAt(3, '2026-12-19T00:30:00.000Z', 0)],
      new Date('2026-11-22T04:00:00.000Z'),
    );
    expect(days.map((d) => [d.date, d.label, d.slots.map((s) => s.id)])).toEqual([
      ['2026-12-09', '12月9日 周三', [1, 2]],
      ['2026-12-19', '12月19日 周六', [3]],
    ]);
    expect(slotTimeText(days[0].slots[1])).toBe('08:30–11:30');
    expect(slotFreeText(days[0].slots[1])).toBe('余 3 位');
    expect(slotFreeText(days[1].slots[0])).toBe('已约满');
  });

  it('calls today and tomorrow by name', () => {
    const now = new Date('2026-12-08T20:00:00.000Z'); // already the 9th in Shanghai
    expect(dayLabel('2026-12-09', now)).toBe('今天 12月9日 周三');
    expect(dayLabel('2026-12-10', now)).toBe('明天 12月10日 周四');
  });

  it('asks 14 days at a time and never beyond the days ahead the server answers', () => {
    const now = new Date('2026-11-22T04:00:00.000Z');
    expect(slotWindow(now, now)).toEqual({ from: '2026-11-22T04:00:00.000Z', to: '2026-12-06T04:00:00.000Z' });
    const limit = now.getTime() + (SERVICE_LIMITS.slotListMaxAheadDays - 1) * 24 * 3600_000;
    const nearEnd = slotWindow(new Date(limit - 3 * 24 * 3600_000), now);
    expect(nearEnd?.to).toBe(new Date(limit).toISOString());
    expect(slotWindow(new Date(limit), now)).toBeNull();
  });
});
