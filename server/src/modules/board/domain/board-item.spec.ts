import { RequestCategory } from '@gezhi/shared';
import { REDACTED } from './anonymise';
import { boardItem, BoardSource } from './board-item';

const source = (overrides: Partial<BoardSource> = {}): BoardSource => ({
  key: '1-0',
  category: RequestCategory.Infrastructure,
  subcategory: 'LEAK',
  publicSummary: '3号楼宋美素家楼上漏水，已联系楼上住户修复防水层，电话13604712345。',
  showNamePublicly: false,
  contactName: '宋美素',
  createdAt: new Date('2026-11-01T02:00:00Z'),
  resolvedAt: new Date('2026-11-03T05:30:00Z'),
  closedAt: new Date('2026-11-04T00:00:00Z'),
  gridName: '第二网格',
  rating: { speed: 5, effect: 4, attitude: 5, comment: '谢谢，宋美素家的问题解决了，有事打13604712345' },
  knownNames: ['宋大伟', null],
  ...overrides,
});

describe('a board entry', () => {
  it('shows labels, the approved public summary anonymised once more, the comment, and the time taken; no serial', () => {
    expect(boardItem(source())).toEqual({
      key: '1-0',
      category: RequestCategory.Infrastructure,
      categoryLabel: '基础设施维修',
      subcategory: 'LEAK',
      subcategoryLabel: '漏水渗水',
      summary: `3号楼某某家楼上漏水，已联系楼上住户修复防水层，电话${REDACTED.phone}。`,
      statusLabel: '已办结',
      gridName: '第二网格',
      reporterName: null,
      rating: { speed: 5, effect: 4, attitude: 5, comment: `谢谢，某某家的问题解决了，有事打${REDACTED.phone}` },
      filedAt: '2026-11-01T02:00:00.000Z',
      resolvedAt: '2026-11-03T05:30:00.000Z',
      timeTakenMinutes: 2 * 24 * 60 + 3 * 60 + 30,
      timeTakenLabel: '2天3小时',
    });
  });

  it('shows the reporter masked only when they chose to show their name', () => {
    expect(boardItem(source({ showNamePublicly: true })).reporterName).toBe('宋**');
    expect(boardItem(source({ showNamePublicly: true, contactName: '欧阳明月' })).reporterName).toBe('欧***');
  });

  it('removes household members’ names too', () => {
    expect(boardItem(source({ publicSummary: '宋大伟腿脚不便，已上门帮忙' })).summary).toBe('某某腿脚不便，已上门帮忙');
  });

  it('shows no text at all for an item closed without an approved summary: category, status and time only', () => {
    const item = boardItem(source({ publicSummary: null }));
    expect(item.summary).toBeNull();
    expect(item).toMatchObject({ categoryLabel: '基础设施维修', statusLabel: '已办结', timeTakenLabel: '2天3小时' });
    expect(JSON.stringify(item)).not.toContain('防水层');
  });

  it('falls back to the closing time when no resolution time was kept, and has no rating when none was given', () => {
    const item = boardItem(source({ resolvedAt: null, rating: null }));
    expect(item.resolvedAt).toBe('2026-11-04T00:00:00.000Z');
    expect(item.rating).toBeNull();
  });

  it('carries no personal field', () => {
    const keys = Object.keys(boardItem(source()));
    for (const personal of ['id', 'serial', 'description', 'userId', 'residentUserId', 'roomId', 'contactName', 'contactPhone', 'phone', 'openid', 'address']) {
      expect(keys).not.toContain(personal);
    }
  });
});
