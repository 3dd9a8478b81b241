import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import {
  PROJECT_ITEM_OUTCOME_LABELS,
  ProjectAction,
  ProjectItemOutcome,
  ProjectStatus,
  RequestCategory,
  RequestStatus,
  Role,
  type ProjectCloseResponse,
  type ProjectDetail,
} from '@gezhi/shared';
import { signInWithDemoAccount, signOut } from '../../src/session/session';
import ProjectPage from '../../src/subpackages/staff/pages/project/index';
import { typeInto } from '../helpers';
import { fakeApi, type FakeApi } from '../fake-api';
import { renderPage } from '../pages';

jest.mock('../../src/utils/confirm', () => ({
  confirmAction: jest.fn().mockResolvedValue(true),
  toastError: jest.fn(),
  toastSuccess: jest.fn(),
}));

const item = (id: number, status: RequestStatus, statusLabel: string) => ({
  id,
  serial: `GZ0000000${id}`,
  category: RequestCategory.Infrastructure,
  subcategory: 'LIGHTING',
  categoryLabel: '基础设施维修 · 楼道照明',
  excerpt: '楼道声控灯坏了',
  status,
  statusLabel,
  gridName: '第一网格',
  buildingName: '1号楼',
});

const OPEN: ProjectDetail = {
  id: 5,
  communityId: 1,
  communityName: '明日星城社区',
  title: '1号楼楼道照明整体改造',
  ownerUserId: 2,
  ownerName: '苏月',
  deadline: '2026-12-20',
  status: ProjectStatus.Open,
  statusLabel: '进行中',
  overdue: false,
  itemCount: 2,
  meetingDate: null,
  createdAt: '2026-12-07T02:00:00.000Z',
  closedAt: null,
  closedOnTime: null,
  version: 1,
  description: null,
  result: null,
  agendaEntryKeys: [],
  items: [item(1, RequestStatus.InProgress, '处理中'), item(2, RequestStatus.Whistled, '部门处理中')],
  events: [],
  availableActions: [ProjectAction.AddProgress, ProjectAction.Close],
};

const CLOSED: ProjectCloseResponse = {
  ...OPEN,
  status: ProjectStatus.Closed,
  statusLabel: '已办结',
  result: '已更换全部楼道灯具。',
  closedAt: '2026-12-07T04:00:00.000Z',
  closedOnTime: true,
  version: 2,
  availableActions: [],
  items: [item(1, RequestStatus.Resolved, '待评价'), item(2, RequestStatus.Whistled, '部门处理中')],
  closeOutcomes: [
    { requestId: 1, serial: 'GZ00000001', outcome: ProjectItemOutcome.Resolved, outcomeLabel: PROJECT_ITEM_OUTCOME_LABELS.RESOLVED, resolved: true, staysOpen: false, reason: null },
    {
      requestId: 2,
      serial: 'GZ00000002',
      outcome: ProjectItemOutcome.Whistled,
      outcomeLabel: PROJECT_ITEM_OUTCOME_LABELS.WHISTLED,
      resolved: false,
      staysOpen: true,
      reason: '已吹哨至职能部门，须由主办部门办结',
    },
  ],
};

let server: FakeApi | null = null;
afterEach(() => {
  act(() => signOut());
  server?.restore();
  server = null;
});

describe('办结 a 问需会 project', () => {
  it('shows which linked items were resolved with it and which stay open, and why', async () => {
    server = fakeApi({
      'POST /auth/dev-login': () => ({
        token: 't-1',
        expiresIn: 3600,
        me: { id: 2, nickname: '苏月', role: Role.GridLeader, home: null, staff: { gridIds: [1], gridNames: ['第一网格'], communityId: 1, streetId: 1 } },
      }),
      'GET /review/projects/:id': () => OPEN,
      'POST /review/projects/:id/close': () => CLOSED,
    });
    await signInWithDemoAccount('gridleader1');
    const { container } = renderPage(ProjectPage, { id: '5' });
    await waitFor(() => expect(container.querySelector('.gz-project-close')).toBeTruthy());
    fireEvent.click(container.querySelector('.gz-project-close')!);
    await typeInto(container, 'gz-note', '已更换全部楼道灯具。');
    fireEvent.click(screen.getByText('确认办结'));

    await waitFor(() => expect(screen.getByText('关联诉求办理情况')).toBeTruthy());
    expect(server.callsTo('POST', '/review/projects/5/close')[0].body).toEqual({ result: '已更换全部楼道灯具。', version: 1 });
    expect(screen.getByText('GZ00000001 · 随项目办结')).toBeTruthy();
    expect(screen.getByText('GZ00000002 · 部门处理中')).toBeTruthy();
    expect(screen.getByText('已吹哨至职能部门，须由主办部门办结')).toBeTruthy();
    expect(container.querySelectorAll('.gz-project__outcome--open')).toHaveLength(1);
  });
});
