import { act, waitFor } from '@testing-library/react';
import {
  authorisedActions,
  Channel,
  DeadlineKind,
  DeadlineState,
  HandlingLevel,
  RequestAction,
  RequestCategory,
  RequestStatus,
  Role,
  Urgency,
  type ExtensionView,
  type Me,
  type RequestDetail,
} from '@gezhi/shared';
import { signInWithDemoAccount, signOut } from '../../src/session/session';
import StaffRequestDetailPage from '../../src/subpackages/staff/pages/request-detail/index';
import { fakeApi, type FakeApi } from '../fake-api';
import { renderPage } from '../pages';

/**
 * The staff request page shows the actions that would be authorised: the server's `availableActions`, which it
 * computes with the shared authorisedActions (the fixtures below are made by that same function), and for 延期 the
 * shared ladder rules (isAuthorised for the holder, supervisesLevel for the officer who decides).
 */

let server: FakeApi | null = null;
afterEach(() => {
  act(() => signOut());
  server?.restore();
  server = null;
});

const BUTTON_OF: Partial<Record<RequestAction, string>> = {
  [RequestAction.Accept]: 'gz-action-accept',
  [RequestAction.Whistle]: 'gz-action-whistle',
  [RequestAction.AddProgress]: 'gz-action-progress',
  [RequestAction.Resolve]: 'gz-action-resolve',
  [RequestAction.Escalate]: 'gz-action-escalate',
  [RequestAction.Reject]: 'gz-action-reject',
};

const STAFF: Record<string, Me> = {
  gridleader1: { id: 2, nickname: '苏月', role: Role.GridLeader, home: null, staff: { gridIds: [1], gridNames: ['第一网格'], communityId: 1, streetId: 1 } },
  community1: { id: 3, nickname: '林书记', role: Role.CommunityOfficer, home: null, staff: { gridIds: [1, 2], gridNames: ['第一网格', '第二网格'], communityId: 1, streetId: 1 } },
  street1: { id: 4, nickname: '周科长', role: Role.StreetOfficer, home: null, staff: { gridIds: [1, 2], gridNames: ['第一网格', '第二网格'], communityId: 1, streetId: 1 } },
};

function detail(status: RequestStatus, level: HandlingLevel, availableActions: RequestAction[]): RequestDetail {
  return {
    id: 9,
    serial: 'GZ00000009',
    category: RequestCategory.Infrastructure,
    subcategory: 'LIGHTING',
    excerpt: '楼道声控灯不亮',
    urgency: Urgency.Normal,
    status,
    level,
    channel: Channel.MiniProgram,
    gridId: 1,
    gridName: '第一网格',
    reporterName: '赵**',
    address: '明日星城 1号楼 2单元 301',
    reopenCount: 0,
    createdAt: '2026-12-07T01:00:00.000Z',
    updatedAt: '2026-12-07T01:00:00.000Z',
    thumbnail: null,
    description: '楼道声控灯不亮，晚上上下楼看不清。',
    showNamePublicly: false,
    photos: [],
    contactPhoneMasked: '137****9999',
    holderName: null,
    rating: null,
    timeline: [],
    availableActions,
    version: 1,
    whistle: [],
    deadlines: [
      {
        kind: DeadlineKind.Resolve,
        level,
        state: DeadlineState.Open,
        startedAt: '2026-12-07T01:00:00.000Z',
        warnAt: '2026-12-08T01:00:00.000Z',
        dueAt: '2026-12-09T01:00:00.000Z',
        metAt: null,
      },
    ],
  };
}

const extensionAtGrid: ExtensionView = {
  id: 31,
  requestId: 9,
  kind: DeadlineKind.Resolve,
  level: HandlingLevel.Grid,
  minutes: 240,
  reason: '需等物业配件到货',
  state: 'PENDING',
  requestedByName: '苏月',
  decidedByName: null,
  decisionNote: null,
  dueAtBefore: '2026-12-09T01:00:00.000Z',
  dueAtAfter: null,
  createdAt: '2026-12-07T02:00:00.000Z',
  decidedAt: null,
};

async function open(account: keyof typeof STAFF, request: RequestDetail, extensions: ExtensionView[] = []) {
  server = fakeApi({
    'POST /auth/dev-login': () => ({ token: 't-1', expiresIn: 3600, me: STAFF[account] }),
    'GET /requests/:id': () => request,
    'GET /requests/:id/extensions': () => extensions,
  });
  await signInWithDemoAccount(account);
  const rendered = renderPage(StaffRequestDetailPage, { id: '9' });
  await waitFor(() => expect(rendered.container.querySelector('.gz-staff-actions')).toBeTruthy());
  return rendered.container;
}

const shownButtons = (container: HTMLElement) =>
  Object.entries(BUTTON_OF)
    .filter(([, className]) => container.querySelector(`.${className}`))
    .map(([action]) => action);

describe('staff request page: the buttons are the actions that would be authorised', () => {
  it('shows the grid holder exactly the authorised 签收 / 上报社区 / 驳回, and 申请延期 for the running clock', async () => {
    const actions = authorisedActions({ status: RequestStatus.PendingAccept, level: HandlingLevel.Grid }, { performers: ['holder'] });
    const container = await open('gridleader1', detail(RequestStatus.PendingAccept, HandlingLevel.Grid, actions));
    expect(shownButtons(container).sort()).toEqual([...actions].sort());
    expect(container.querySelector('.gz-action-escalate')?.textContent).toContain('上报社区');
    expect(container.querySelector('.gz-action-extension')).toBeTruthy();
  });

  it('offers the street holder 吹哨 but neither 上报 nor 申请延期: the street is the top of the ladder', async () => {
    const actions = authorisedActions({ status: RequestStatus.InProgress, level: HandlingLevel.Street }, { performers: ['holder'] });
    expect(actions).toContain(RequestAction.Whistle);
    const container = await open('street1', detail(RequestStatus.InProgress, HandlingLevel.Street, actions));
    expect(shownButtons(container).sort()).toEqual([...actions].sort());
    expect(container.querySelector('.gz-action-escalate')).toBeNull();
    expect(container.querySelector('.gz-action-extension')).toBeNull();
  });

  it('lets the community decide a 延期 asked at the grid, and not the grid leader who asked it', async () => {
    const request = detail(RequestStatus.InProgress, HandlingLevel.Grid, []);
    const asSupervisor = await open('community1', request, [extensionAtGrid]);
    await waitFor(() => expect(asSupervisor.querySelector('.gz-extension')).toBeTruthy());
    expect(asSupervisor.querySelector('.gz-extension-approve')).toBeTruthy();
    act(() => signOut());
    server?.restore();

    const asHolder = await open('gridleader1', request, [extensionAtGrid]);
    await waitFor(() => expect(asHolder.querySelector('.gz-extension')).toBeTruthy());
    expect(asHolder.querySelector('.gz-extension-approve')).toBeNull();
  });
});
