import { Channel, HandlingLevel, MetricsScopeKind, MetricsView, RequestCategory, RequestStatus, Urgency } from '@gezhi/shared';
import { excelDay, excelLocalTime, itemRow, ItemFacts, reportFilename, scopeRows } from './report-rows';

const rate = (numerator: number, denominator: number) => ({ numerator, denominator, value: denominator ? Math.round((numerator / denominator) * 10000) / 10000 : null });
const avg = (sum: number, count: number) => ({ sum, count, value: count ? sum / count : null });

function view(overrides: Partial<MetricsView> = {}): MetricsView {
  return {
    scope: { kind: MetricsScopeKind.Community, id: 1, name: '明日星城社区', category: null, categoryLabel: null },
    period: { from: '2026-11-01', to: '2026-11-30', label: '2026年11月', days: 30 },
    asOf: '2026-11-22T02:30:00.000Z',
    requests: {
      counts: { received: 12, resolved: 9, resolutions: 10, rejected: 1, cancelled: 0, rated: 8, reopened: 1, whistled: 2 },
      rates: { response: rate(10, 12), resolution: rate(9, 11), onTimeResolution: rate(8, 9), satisfaction: rate(7, 8), reopen: rate(1, 8) },
      ratingAverages: { speed: avg(36, 8), effect: avg(34, 8), attitude: avg(38, 8) },
      ratingSources: { self: { rated: 6, satisfaction: rate(5, 6) }, returnVisit: { rated: 2, satisfaction: rate(2, 2) }, closedUnrated: 1 },
      handlingTime: { count: 9, averageHours: 20.5, p90Hours: 48, histogram: [] },
      overdue: { accept: 1, firstResponse: 0, resolve: 2, report: 0, total: 3, openNow: 1 },
    },
    departments: null,
    projects: { opened: 2, closed: 1, closedOnTime: 1 },
    ...overrides,
  };
}

describe('a scope sheet', () => {
  it('starts with the unit, the period as dates and the time of the data (China time)', () => {
    const rows = scopeRows(view());
    expect(rows.slice(0, 4)).toEqual([
      { label: '统计单位', kind: 'text', value: '明日星城社区', note: '社区' },
      { label: '统计起始日', kind: 'date', value: new Date('2026-11-01T00:00:00Z') },
      { label: '统计截止日', kind: 'date', value: new Date('2026-11-30T00:00:00Z'), note: '2026年11月' },
      { label: '数据时间', kind: 'datetime', value: new Date('2026-11-22T10:30:00Z'), note: '北京时间' },
    ]);
  });

  it('writes counts as integers and rates as shares with their numerator and denominator', () => {
    const rows = scopeRows(view());
    const byLabel = new Map(rows.map((r) => [r.label, r]));
    expect(byLabel.get('受理量')).toEqual({ label: '受理量', kind: 'int', value: 12 });
    expect(byLabel.get('响应率')).toMatchObject({ kind: 'rate', value: 0.8333, numerator: 10, denominator: 12 });
    expect(byLabel.get('满意率')?.note).toContain('三项均不低于 4 分');
    expect(byLabel.get('平均办理用时（小时）')).toMatchObject({ kind: 'decimal1', value: 20.5, denominator: 9 });
    expect(byLabel.get('办理速度均分')).toMatchObject({ kind: 'decimal2', value: 4.5 });
    expect(byLabel.get('当前超时未办')).toMatchObject({ kind: 'int', value: 1 });
    expect(byLabel.get('新立项目')).toMatchObject({ kind: 'int', value: 2 });
    expect(byLabel.get('按期结项')).toMatchObject({ kind: 'int', value: 1 });
    expect(rows.filter((r) => r.label.startsWith('部门'))).toEqual([]);
  });

  it('splits the ratings by who gave them (居民自评 / 电话回访) and counts the items closed 未评价', () => {
    const byLabel = new Map(scopeRows(view()).map((r) => [r.label, r]));
    expect(byLabel.get('居民自评数')).toMatchObject({ kind: 'int', value: 6 });
    expect(byLabel.get('电话回访评价数')).toMatchObject({ kind: 'int', value: 2 });
    expect(byLabel.get('回访满意率')).toMatchObject({ kind: 'rate', value: 1, numerator: 2, denominator: 2 });
    expect(byLabel.get('自评满意率')).toMatchObject({ kind: 'rate', numerator: 5, denominator: 6 });
    expect(byLabel.get('未评价办结数')).toMatchObject({ kind: 'int', value: 1 });
    expect(byLabel.get('未评价办结数')?.note).toContain('不计入评价数和满意率');
  });

  it('keeps a rate without data empty, not 0 %', () => {
    const none = view();
    none.requests!.rates.satisfaction = rate(0, 0);
    expect(scopeRows(none).find((r) => r.label === '满意率')).toMatchObject({ value: null, numerator: 0, denominator: 0 });
  });

  it('adds the departments of a street (prefixed) and shows a department on its own', () => {
    const departments = {
      counts: { whistled: 4, whistledAsLead: 3, reported: 4, reportMissed: 1, returned: 1, ended: 3, resolvedAsLead: 2, rated: 2, reopened: 0 },
      rates: { reportOnTime: rate(3, 4), return: rate(1, 3), satisfaction: rate(2, 2), reopen: rate(0, 2) },
      ratingAverages: { speed: avg(9, 2), effect: avg(10, 2), attitude: avg(10, 2) },
    };
    const street = scopeRows(view({ scope: { kind: MetricsScopeKind.Street, id: 1, name: '团结街道', category: null, categoryLabel: null }, departments }));
    expect(street.find((r) => r.label === '部门·按时报到率')).toMatchObject({ kind: 'rate', value: 0.75 });
    const department = scopeRows(view({ scope: { kind: MetricsScopeKind.Department, id: 3, name: '团结派出所', category: null, categoryLabel: null }, requests: null, departments, projects: null }));
    expect(department.map((r) => r.label)).toContain('按时报到率');
    expect(department.map((r) => r.label)).not.toContain('受理量');
    expect(department.map((r) => r.label)).not.toContain('新立项目');
  });
});

describe('a row of the item list', () => {
  const facts: ItemFacts = {
    id: 123,
    category: RequestCategory.Infrastructure,
    subcategory: 'LEAK',
    communityName: '明日星城社区',
    gridName: '第二网格',
    buildingName: '3号楼',
    channel: Channel.MiniProgram,
    urgency: Urgency.Urgent,
    status: RequestStatus.Closed,
    level: HandlingLevel.Grid,
    createdAt: new Date('2026-11-02T01:00:00Z'),
    resolvedAt: new Date('2026-11-03T03:30:00Z'),
    reopenCount: 0,
    rating: { speed: 5, effect: 4, attitude: 5 },
    contactName: '宋美素',
    description: '我是3号楼1单元502的宋美素，电话13604712345，卫生间漏水，我爱人宋大伟也在家。',
    knownNames: ['宋大伟'],
  };

  it('has labels, local times, hours with one decimal and the rating', () => {
    expect(itemRow(facts)).toEqual({
      serial: 'GZ00000123',
      category: '基础设施维修',
      subcategory: '漏水渗水',
      community: '明日星城社区',
      grid: '第二网格',
      building: '3号楼',
      channel: '小程序',
      urgency: '紧急',
      status: '已办结',
      level: '网格',
      filedAt: new Date('2026-11-02T09:00:00Z'),
      resolvedAt: new Date('2026-11-03T11:30:00Z'),
      hours: 26.5,
      speed: 5,
      effect: 4,
      attitude: 5,
      rating: '满意',
      reopenCount: 0,
      reporter: '宋**',
      summary: '我是3号楼的某某，电话[电话已隐去]，卫生间漏水，我爱人某某也在家。',
    });
  });

  it('leaves the resolution, hours and rating empty while unresolved', () => {
    const row = itemRow({ ...facts, status: RequestStatus.InProgress, resolvedAt: null, rating: null });
    expect(row).toMatchObject({ status: '处理中', resolvedAt: null, hours: null, speed: null, rating: '' });
  });

  it('marks a rating below 4 in any dimension as 不满意', () => {
    expect(itemRow({ ...facts, rating: { speed: 5, effect: 3, attitude: 5 } }).rating).toBe('不满意');
  });
});

describe('the report file', () => {
  it('is named in Chinese with an ASCII fallback', () => {
    expect(reportFilename('团结街道', '2026-11')).toEqual({ filename: '团结街道-2026年11月-数据月报.xlsx', ascii: 'gezhi-report-2026-11.xlsx' });
  });

  it('writes China wall-clock times and days as Excel dates', () => {
    expect(excelLocalTime(new Date('2026-11-30T16:30:00Z'))).toEqual(new Date('2026-12-01T00:30:00Z'));
    expect(excelDay('2026-11-01')).toEqual(new Date('2026-11-01T00:00:00Z'));
  });
});
