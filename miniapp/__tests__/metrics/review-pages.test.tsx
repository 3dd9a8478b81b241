import { fireEvent, render, waitFor } from '@testing-library/react';
import {
  AgendaReason,
  ProjectAction,
  ProjectEventKind,
  ProjectStatus,
  RequestCategory,
  RequestStatus,
  Channel,
  Role,
  type AgendaEntry,
  type ProjectDetail,
  type ReviewAgenda,
} from '@gezhi/shared';
import ReviewAgendaPage from '../../src/subpackages/staff/pages/review/index';
import ProjectsPage from '../../src/subpackages/staff/pages/projects/index';
import { deadlineIn } from '../../src/subpackages/staff/review/ProjectForm';
import { currentRoute, enablePageHooks, openPage } from '../pages';
import { settle, typeInto } from '../helpers';
import { fakeApi, reply } from '../fake-api';

const realFetch = window.fetch;
beforeAll(enablePageHooks);
afterEach(() => {
  window.fetch = realFetch;
});

function entry(key: string, title: string, requestIds: number[], reasons: AgendaReason[], projectIds: number[] = [], rank = 1, recurringKey: string | null = null): AgendaEntry {
  return {
    key,
    kind: key.startsWith('recurring') ? 'RECURRING' : 'ITEM',
    rank,
    recurringKey,
    reasons,
    title,
    gridId: 1,
    gridName: '第一网格',
    buildingName: '3号楼',
    requestIds,
    projectIds,
    items: requestIds.map((id) => ({
      id,
      serial: `GZ${String(id).padStart(8, '0')}`,
      category: RequestCategory.Environment,
      subcategory: 'CLUTTER',
      subcategoryLabel: '楼道堆物',
      excerpt: `楼道堆物（${id}）`,
      status: RequestStatus.InProgress,
      statusLabel: '处理中',
      channel: Channel.MiniProgram,
      gridId: 1,
      gridName: '第一网格',
      buildingName: '3号楼',
      createdAt: '2026-11-03T02:00:00.000Z',
      reopenCount: 0,
      urgent: false,
      reasons,
    })),
  };
}

function agenda(rest: { count: number; groups?: ReviewAgenda['groups'] } = { count: 0 }): ReviewAgenda {
  return {
    communityId: 1,
    communityName: '明日星城社区',
    period: { key: '2026-11-16', meetingDate: '2026-11-16', from: '2026-11-01', to: '2026-11-15', label: '2026年11月16日问需会（11月1日—11月15日）', previousKey: '2026-11-01', nextKey: '2026-12-01' },
    asOf: '2026-11-16T00:00:00.000Z',
    recurrenceMinCount: 3,
    recurrenceWindowDays: 90,
    entryLimit: 2,
    totalEntries: 2 + rest.count,
    counts: { UNRESOLVED: 4, OVERDUE: 1, REOPENED: 0, PATROL: 0, RECURRING: 3 },
    groups: [
      {
        category: RequestCategory.Environment,
        categoryLabel: '环境整治',
        entries: [
          entry('recurring:3:ENVIRONMENT', '3号楼 环境整治问题反复发生（3次）', [11, 12, 13], [AgendaReason.Recurring], [], 2),
          entry('item:14', '楼道堆物（14）', [14], [AgendaReason.Overdue, AgendaReason.Unresolved], [5], 1),
        ],
      },
    ],
    rest: { count: rest.count, label: `其余 ${rest.count} 项`, groups: rest.groups ?? [], expanded: rest.groups !== undefined },
    readOnly: false,
    gridId: null,
  };
}

const project = (over: Partial<ProjectDetail> = {}): ProjectDetail => ({
  id: 8,
  communityId: 1,
  communityName: '明日星城社区',
  title: '3号楼 环境整治问题反复发生（3次）',
  ownerUserId: 3,
  ownerName: '苏月',
  deadline: '2026-12-01',
  status: ProjectStatus.Open,
  statusLabel: '办理中',
  overdue: false,
  itemCount: 4,
  meetingDate: '2026-11-16',
  createdAt: '2026-11-16T02:00:00.000Z',
  closedAt: null,
  closedOnTime: null,
  version: 1,
  description: null,
  result: null,
  agendaEntryKeys: [],
  items: [],
  events: [{ id: 1, kind: ProjectEventKind.Created, kindLabel: '列入项目清单', actorName: '李书记', note: null, at: '2026-11-16T02:00:00.000Z' }],
  availableActions: [ProjectAction.AddProgress, ProjectAction.Close],
  ...over,
});

describe('问需会 agenda', () => {
  it('groups entries by category and turns the selected ones into a project with owner and deadline', async () => {
    const api = fakeApi({
      'GET /api/review/agenda': () => agenda(),
      'GET /api/review/owners': () => [{ id: 3, name: '苏月', role: Role.GridLeader, roleLabel: '网格长', gridName: '第一网格' }],
      'POST /api/review/projects': () => reply(201, project()),
    });
    openPage({});
    const { container } = render(<ReviewAgendaPage />);
    await waitFor(() => expect(container.querySelectorAll('.gz-agenda-entry').length).toBe(2));
    expect(container.querySelector('.gz-agenda__group-title')?.textContent).toBe('环境整治（2）');
    expect(container.querySelectorAll('.gz-agenda-entry')[1].textContent).toContain('已超时');
    expect(container.querySelectorAll('.gz-agenda-entry')[1].textContent).toContain('已列入项目 #5');

    // select both entries → 生成项目
    for (const head of Array.from(container.querySelectorAll('.gz-agenda-entry__head'))) fireEvent.click(head);
    await settle();
    expect(container.querySelector('.gz-agenda__bar')?.textContent).toContain('已选 2 项');
    fireEvent.click(container.querySelector('.gz-agenda-create')!);
    await waitFor(() => expect(container.querySelector('.gz-project-form')).not.toBeNull());
    // the title is suggested from the first entry; no owner yet
    fireEvent.click(container.querySelector('.gz-project-submit')!);
    await settle();
    expect(container.querySelector('.gz-form-error')?.textContent).toBe('请选择负责人');
    expect(api.callsTo('/api/review/projects')).toHaveLength(0);

    fireEvent.click(container.querySelector('.gz-project-owner .gz-chip')!);
    fireEvent.click(Array.from(container.querySelectorAll('.gz-project-deadline .gz-chip')).find((c) => c.textContent === '一个月')!);
    await typeInto(container, 'gz-project-description', '  物业清理，网格长每周复查  ');
    fireEvent.click(container.querySelector('.gz-project-submit')!);
    await waitFor(() => expect(api.callsTo('/api/review/projects')).toHaveLength(1));
    expect(api.callsTo('/api/review/projects')[0].body).toEqual({
      communityId: 1,
      title: '3号楼 环境整治问题反复发生（3次）',
      description: '物业清理，网格长每周复查',
      ownerUserId: 3,
      deadline: deadlineIn(30),
      requestIds: [11, 12, 13, 14],
      agendaEntryKeys: ['recurring:3:ENVIRONMENT', 'item:14'],
      meetingDate: '2026-11-16',
    });
    await waitFor(() => expect(currentRoute()).toBe('/subpackages/staff/pages/project/index?id=8'));
  });
});

describe('问需会 agenda, a meeting-sized list', () => {
  const restGroups = (): ReviewAgenda['groups'] => [
    {
      category: RequestCategory.Environment,
      categoryLabel: '环境整治',
      entries: [
        entry('item:21', '3号楼 楼道堆物：纸箱（21）', [21], [AgendaReason.Unresolved, AgendaReason.Recurring], [], 3, 'recurring:3:ENVIRONMENT'),
        entry('item:22', '3号楼 楼道堆物：自行车（22）', [22], [AgendaReason.Unresolved], [], 4),
      ],
    },
  ];

  it('numbers the entries, collapses the rest into 「其余 N 项」 and fetches them (all=true) when opened', async () => {
    const api = fakeApi({
      'GET /api/review/agenda': (c) => c.query.all === 'true' ? agenda({ count: 2, groups: restGroups() }) : agenda({ count: 2 }),
      'GET /api/review/owners': () => [{ id: 3, name: '苏月', role: Role.GridLeader, roleLabel: '网格长', gridName: '第一网格' }],
    });
    openPage({});
    const { container } = render(<ReviewAgendaPage />);
    await waitFor(() => expect(container.querySelectorAll('.gz-agenda-entry').length).toBe(2));
    expect(Array.from(container.querySelectorAll('.gz-agenda-entry__rank')).map((r) => r.textContent)).toEqual(['2', '1']);
    expect(container.querySelector('.gz-agenda__limit')?.textContent).toBe('共 4 项，按紧急程度先议前 2 项');
    const rest = container.querySelector('.gz-agenda__rest') as HTMLElement;
    expect(rest.querySelector('.gz-agenda__rest-title')?.textContent).toBe('其余 2 项');
    expect(rest.querySelectorAll('.gz-agenda-entry')).toHaveLength(0);
    expect(api.callsTo('/api/review/agenda').map((c) => c.query)).toEqual([{}]);

    fireEvent.click(rest.querySelector('.gz-agenda__rest-head')!);
    await waitFor(() => expect(rest.querySelectorAll('.gz-agenda-entry')).toHaveLength(2));
    expect(api.callsTo('/api/review/agenda')[1].query).toEqual({ all: 'true' });
    expect(rest.querySelectorAll('.gz-agenda-entry')[0].textContent).toContain('同一问题反复发生');
    // an entry of the rest can go into a project too
    fireEvent.click(rest.querySelectorAll('.gz-agenda-entry__head')[1]);
    await settle();
    expect(container.querySelector('.gz-agenda__bar')?.textContent).toContain('已选 1 项');
    // and it folds away again
    fireEvent.click(rest.querySelector('.gz-agenda__rest-head')!);
    await settle();
    expect(rest.querySelectorAll('.gz-agenda-entry')).toHaveLength(0);
  });

  it('shows no 「其余」 row when everything fits', async () => {
    fakeApi({ 'GET /api/review/agenda': () => agenda() });
    openPage({});
    const { container } = render(<ReviewAgendaPage />);
    await waitFor(() => expect(container.querySelectorAll('.gz-agenda-entry').length).toBe(2));
    expect(container.querySelector('.gz-agenda__rest')).toBeNull();
    expect(container.querySelector('.gz-agenda__limit')).toBeNull();
  });
});

describe('项目服务清单', () => {
  it('lists the open projects first and asks for the overdue ones on demand', async () => {
    const api = fakeApi({
      'GET /api/review/projects': (c) => ({
        items: [project(c.query.overdue === 'true' ? { overdue: true, title: '超期项目' } : {})],
        total: 1,
        page: 1,
        pageSize: 20,
      }),
    });
    const { container } = render(<ProjectsPage />);
    await waitFor(() => expect(container.querySelector('.gz-project-card')).not.toBeNull());
    expect(api.callsTo('/api/review/projects')[0].query).toEqual({ page: '1', pageSize: '20', status: 'OPEN' });
    expect(container.querySelector('.gz-project-card')?.textContent).toContain('负责人 苏月 · 截止 2026-12-01 · 关联 4 件');
    fireEvent.click(Array.from(container.querySelectorAll('.gz-projects__filter .gz-chip')).find((c) => c.textContent === '已超期')!);
    await waitFor(() => expect(container.querySelector('.gz-project-card__state--overdue')?.textContent).toBe('已超期'));
    expect(api.callsTo('/api/review/projects')[1].query).toEqual({ page: '1', pageSize: '20', status: 'OPEN', overdue: 'true' });
  });
});
