import { NotificationKind, ProjectItemOutcome, RequestCategory } from '@gezhi/shared';
import { templatePurposeOf } from '../../wechat-messages/domain/message-content';
import { PROJECT_CLOSED_ITEM_OVER_TITLE, PROJECT_CLOSED_STILL_OPEN_TITLE, PROJECT_CLOSED_TITLE, projectClosedNotices } from './project-notices';

describe('notices of a closed project', () => {
  const project = { title: '5号楼楼道照明整体改造', result: '已更换全部楼道声控灯，并纳入物业每月巡检。' };
  const lighting = { category: RequestCategory.Infrastructure, subcategory: 'LIGHTING' };
  const resolved = { outcome: ProjectItemOutcome.Resolved, reason: null };

  it('tells the resident of each linked request, in Chinese, pointing at their request; a resolved one asks for a rating', () => {
    const notices = projectClosedNotices(project, [
      { id: 12, residentUserId: 7, ...lighting, ...resolved },
      { id: 13, residentUserId: 8, ...lighting, ...resolved },
    ]);
    expect(notices).toEqual([
      {
        userId: 7,
        kind: NotificationKind.ProjectClosed,
        title: PROJECT_CLOSED_TITLE,
        body: 'GZ00000012 基础设施维修 · 楼道照明：已列入居民问需会项目「5号楼楼道照明整体改造」，现已办结，请评价。已更换全部楼道声控灯，并纳入物业每月巡检。',
        requestId: 12,
      },
      expect.objectContaining({ userId: 8, requestId: 13 }),
    ]);
  });

  it('says an item left open stays open, and why — never that it was resolved', () => {
    const [notice] = projectClosedNotices(project, [
      { id: 14, residentUserId: 7, ...lighting, outcome: ProjectItemOutcome.Whistled, reason: '已吹哨至职能部门，须由主办部门办结' },
    ]);
    expect(notice.title).toBe(PROJECT_CLOSED_STILL_OPEN_TITLE);
    expect(notice.body).toContain('仍未办结：已吹哨至职能部门，须由主办部门办结');
    expect(notice.body).not.toContain('现已办结');
    expect(notice.body).not.toContain('请评价');
  });

  it('says an item that was already over is over (rejected, withdrawn, rated)', () => {
    const [notice] = projectClosedNotices(project, [{ id: 15, residentUserId: 7, ...lighting, outcome: ProjectItemOutcome.AlreadyFinal, reason: '此前已驳回' }]);
    expect(notice.title).toBe(PROJECT_CLOSED_ITEM_OVER_TITLE);
    expect(notice.body).toContain('您的这项诉求此前已驳回');
  });

  it('skips items filed on behalf of someone without an account', () => {
    expect(projectClosedNotices(project, [{ id: 14, residentUserId: null, category: RequestCategory.Environment, subcategory: 'CLUTTER', ...resolved }])).toEqual([]);
  });

  it('keeps the body within the inbox limit (200 characters) and the titles within 50', () => {
    const [notice] = projectClosedNotices({ title: '长'.repeat(60), result: '果'.repeat(500) }, [
      { id: 1, residentUserId: 1, category: RequestCategory.Culture, subcategory: 'VENUE', outcome: ProjectItemOutcome.HeldElsewhere, reason: '正由网格处理，须由网格办结' },
    ]);
    expect(Array.from(notice.body).length).toBeLessThanOrEqual(200);
    for (const title of [PROJECT_CLOSED_TITLE, PROJECT_CLOSED_STILL_OPEN_TITLE, PROJECT_CLOSED_ITEM_OVER_TITLE]) expect(title.length).toBeLessThanOrEqual(50);
  });

  it('goes out as a WeChat message with the residents’ template (their request opens on a tap)', () => {
    expect(templatePurposeOf(NotificationKind.ProjectClosed)).toBe('REQUEST_UPDATE');
  });
});
