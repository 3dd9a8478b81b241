import { fireEvent, render, waitFor } from '@testing-library/react';
import { RequestCategory, Role, type BoardItem, type BoardPage } from '@gezhi/shared';
import CommunityBoardPage from '../../src/subpackages/community/pages/board/index';
import { signInWithDemoAccount, signOut } from '../../src/session/session';
import { settle } from '../helpers';
import { enablePageHooks } from '../pages';
import { fakeApi } from '../fake-api';

const realFetch = window.fetch;
beforeAll(enablePageHooks);
afterEach(() => {
  window.fetch = realFetch;
  signOut();
});

function boardItem(n: number, over: Partial<BoardItem> = {}): BoardItem {
  return {
    key: `1-${n}`,
    category: RequestCategory.Environment,
    categoryLabel: '环境整治',
    subcategory: 'CLUTTER',
    subcategoryLabel: '楼道堆物',
    summary: `楼道里堆放的旧家具已清理（第${n}件）`,
    statusLabel: '已办结',
    gridName: '第一网格',
    reporterName: null,
    rating: null,
    filedAt: '2026-11-02T01:00:00.000Z',
    resolvedAt: '2026-11-03T04:00:00.000Z',
    timeTakenMinutes: 1620,
    timeTakenLabel: '1天3小时',
    ...over,
  };
}

/**
 * A board page as the server sends it — plus, on the first item, personal fields a faulty server might leak (a phone,
 * a room, a user id, an openid): the page must show only the board's own fields, never such extras.
 */
function boardPage(page: number): BoardPage {
  const first = page === 1;
  const items = Array.from({ length: first ? 20 : 3 }, (_, i) => boardItem((page - 1) * 20 + i + 1));
  if (first) items[2] = boardItem(3, { summary: null });
  if (first) {
    items[0] = {
      ...boardItem(1, {
        summary: '3号楼电梯广告已清理，电梯恢复整洁',
        reporterName: '张*',
        rating: { speed: 5, effect: 4, attitude: 5, comment: '网格长来得很快' },
      }),
      ...({ reporterPhone: '13800138000', roomNumber: '3-1-201', reporterUserId: 4242, openid: 'o-secret-openid' } as object),
    };
  }
  return {
    items,
    total: 23,
    page,
    pageSize: 20,
    communityId: 1,
    communityName: '明日星城社区',
    rates: {
      from: '2026-10-24',
      to: '2026-11-22',
      periodLabel: '近30天',
      responseRate: 0.9565,
      resolutionRate: 0.9,
      onTimeRate: 0.875,
      satisfactionRate: null,
      resolvedCount: 18,
      filedCount: 20,
    },
  };
}

describe('公示 board (resident)', () => {
  it('shows the community rates and the anonymised resolved items, and nothing personal', async () => {
    const api = fakeApi({
      'POST /api/auth/dev-login': () => ({
        token: 'resident-token',
        expiresIn: 3600,
        me: { id: 5, nickname: '居民李', role: Role.Resident, home: null, staff: null },
      }),
      'GET /api/board': (c) => boardPage(Number(c.query.page)),
    });
    await signInWithDemoAccount('resident1');
    const { container } = render(<CommunityBoardPage />);
    await waitFor(() => expect(container.querySelectorAll('.gz-board-item').length).toBe(20));

    expect(api.callsTo('/api/board')[0].query).toEqual({ page: '1', pageSize: '20' });
    const rates = container.querySelector('.gz-board-rates')!.textContent;
    expect(rates).toContain('明日星城社区 · 近30天');
    expect(rates).toContain('95.7%响应率');
    expect(rates).toContain('90.0%办结率');
    expect(rates).toContain('87.5%按时办结率');
    expect(rates).toContain('—满意率');

    const first = container.querySelectorAll('.gz-board-item')[0].textContent!;
    expect(first).toContain('环境整治 · 楼道堆物');
    expect(first).toContain('3号楼电梯广告已清理，电梯恢复整洁');
    expect(first).toContain('用时 1天3小时');
    expect(first).toContain('速度 ★★★★★');
    expect(first).toContain('效果 ★★★★☆');
    expect(first).toContain('“网格长来得很快”');
    expect(first).toContain('张*');
    expect(container.querySelectorAll('.gz-board-item')[1].textContent).toContain('匿名');
    expect(first).toContain('已办结');
    // no serial number on the board
    expect(container.textContent).not.toMatch(/GZ[0-9]{8}/);
    // an item closed without an approved summary: category, status and time only, no text block
    const bare = container.querySelectorAll('.gz-board-item')[2];
    expect(bare.querySelector('.gz-board-item__description')).toBeNull();
    expect(bare.textContent).toContain('环境整治 · 楼道堆物');
    expect(bare.textContent).toContain('已办结');
    expect(bare.textContent).toContain('用时 1天3小时');

    const page = container.textContent!;
    for (const personal of ['13800138000', '3-1-201', '4242', 'o-secret-openid']) expect(page).not.toContain(personal);
  });

  it('loads the next page on demand', async () => {
    const api = fakeApi({
      'POST /api/auth/dev-login': () => ({ token: 't', expiresIn: 3600, me: { id: 5, nickname: '居民李', role: Role.Resident, home: null, staff: null } }),
      'GET /api/board': (c) => boardPage(Number(c.query.page)),
    });
    await signInWithDemoAccount('resident1');
    const { container } = render(<CommunityBoardPage />);
    await waitFor(() => expect(container.querySelector('.gz-load-more')).not.toBeNull());
    fireEvent.click(container.querySelector('.gz-load-more')!);
    await waitFor(() => expect(container.querySelectorAll('.gz-board-item').length).toBe(23));
    await settle();
    expect(api.callsTo('/api/board').map((c) => c.query.page)).toEqual(['1', '2']);
    expect(container.querySelector('.gz-list-footer')?.textContent).toBe('没有更多了');
  });

  it('shows an empty state when nothing was resolved yet', async () => {
    fakeApi({
      'POST /api/auth/dev-login': () => ({ token: 't', expiresIn: 3600, me: { id: 5, nickname: '居民李', role: Role.Resident, home: null, staff: null } }),
      'GET /api/board': () => ({ ...boardPage(1), items: [], total: 0 }),
    });
    await signInWithDemoAccount('resident1');
    const { container } = render(<CommunityBoardPage />);
    await waitFor(() => expect(container.querySelector('.gz-empty__title')?.textContent).toBe('还没有公示的办结事项'));
  });
});
