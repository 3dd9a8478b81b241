import { NotificationKind, RequestCategory } from '@gezhi/shared';
import { templatePurposeOf } from '../../wechat-messages/domain/message-content';
import { PROJECT_CLOSED_TITLE, projectClosedNotices } from './project-notices';

describe('notices of a closed project', () => {
  const project = { title: '5号楼楼道照明整体改造', result: '已更换全部楼道声控灯，并纳入物业每月巡检。' };

  it('tells the resident of each linked request, in Chinese, pointing at their request', () => {
    const notices = projectClosedNotices(project, [
      { id: 12, residentUserId: 7, category: RequestCategory.Infrastructure, subcategory: 'LIGHTING' },
      { id: 13, residentUserId: 8, category: RequestCategory.Infrastructure, subcategory: 'LIGHTING' },
    ]);
    expect(notices).toEqual([
      {
        userId: 7,
        kind: NotificationKind.ProjectClosed,
        title: PROJECT_CLOSED_TITLE,
        body: 'GZ00000012 基础设施维修 · 楼道照明：已列入居民问需会项目「5号楼楼道照明整体改造」，现已办结。已更换全部楼道声控灯，并纳入物业每月巡检。',
        requestId: 12,
      },
      expect.objectContaining({ userId: 8, requestId: 13 }),
    ]);
  });

  it('skips items filed on behalf of someone without an account', () => {
    expect(projectClosedNotices(project, [{ id: 14, residentUserId: null, category: RequestCategory.Environment, subcategory: 'CLUTTER' }])).toEqual([]);
  });

  it('keeps the body within the inbox limit (200 characters)', () => {
    const [notice] = projectClosedNotices({ title: '长'.repeat(60), result: '果'.repeat(500) }, [
      { id: 1, residentUserId: 1, category: RequestCategory.Culture, subcategory: 'VENUE' },
    ]);
    expect(Array.from(notice.body).length).toBeLessThanOrEqual(200);
    expect(PROJECT_CLOSED_TITLE.length).toBeLessThanOrEqual(50);
  });

  it('goes out as a WeChat message with the residents’ template (their request opens on a tap)', () => {
    expect(templatePurposeOf(NotificationKind.ProjectClosed)).toBe('REQUEST_UPDATE');
  });
});
