import { HandlingLevel, ProjectItemOutcome, RequestStatus, Role } from '@gezhi/shared';
import type { Viewer } from '../../requests/domain/viewer';
import { closeOutcomeNote, closeOutcomeView, decideItem, LinkedRequestState } from './project-close';

const communityOfficer = { id: 1, role: Role.CommunityOfficer, gridId: null, communityId: 10, streetId: 100 } as Viewer;
const gridLeader = { id: 2, role: Role.GridLeader, gridId: 5, communityId: 10, streetId: 100 } as Viewer;
const item = (status: RequestStatus, level: HandlingLevel, gridId = 5): LinkedRequestState => ({
  id: 7,
  residentUserId: 3,
  status,
  level,
  gridId,
  communityId: 10,
  streetId: 100,
});

describe('what closing a project does to a linked request', () => {
  it('resolves an item in progress at the level the closer holds', () => {
    expect(decideItem(communityOfficer, item(RequestStatus.InProgress, HandlingLevel.Community)).outcome).toBe(ProjectItemOutcome.Resolved);
    expect(decideItem(gridLeader, item(RequestStatus.InProgress, HandlingLevel.Grid)).outcome).toBe(ProjectItemOutcome.Resolved);
  });

  it('leaves an item held at another level, or in another grid, to its holder', () => {
    expect(decideItem(communityOfficer, item(RequestStatus.InProgress, HandlingLevel.Grid))).toEqual({ outcome: ProjectItemOutcome.HeldElsewhere, reason: '正由网格处理，须由网格办结' });
    expect(decideItem(gridLeader, item(RequestStatus.InProgress, HandlingLevel.Grid, 6)).outcome).toBe(ProjectItemOutcome.HeldElsewhere);
  });

  it('leaves whistled, unaccepted and finished items as they are, with the reason', () => {
    expect(decideItem(communityOfficer, item(RequestStatus.Whistled, HandlingLevel.Street))).toEqual({ outcome: ProjectItemOutcome.Whistled, reason: '已吹哨至职能部门，须由主办部门办结' });
    expect(decideItem(communityOfficer, item(RequestStatus.PendingAccept, HandlingLevel.Grid))).toEqual({ outcome: ProjectItemOutcome.NotAccepted, reason: '待网格签收，须签收处理后由网格办结' });
    expect(decideItem(gridLeader, item(RequestStatus.PendingAccept, HandlingLevel.Grid)).reason).toBe('尚未签收，须先签收再办结');
    expect(decideItem(gridLeader, item(RequestStatus.Resolved, HandlingLevel.Grid)).outcome).toBe(ProjectItemOutcome.AwaitingRating);
    for (const status of [RequestStatus.Closed, RequestStatus.Rejected, RequestStatus.Cancelled]) {
      expect(decideItem(gridLeader, item(status, HandlingLevel.Grid)).outcome).toBe(ProjectItemOutcome.AlreadyFinal);
    }
  });

  it('words the project timeline line with the resolved, the open and the finished ones, within 500 characters', () => {
    const outcomes = [
      closeOutcomeView(1, { outcome: ProjectItemOutcome.Resolved, reason: null }),
      closeOutcomeView(2, { outcome: ProjectItemOutcome.Whistled, reason: '已吹哨至职能部门，须由主办部门办结' }),
      closeOutcomeView(3, { outcome: ProjectItemOutcome.AlreadyFinal, reason: '此前已驳回' }),
    ];
    expect(outcomes.map((o) => [o.resolved, o.staysOpen])).toEqual([[true, false], [false, true], [false, false]]);
    expect(closeOutcomeNote(outcomes)).toBe(
      '关联诉求：随项目办结 1 项，待居民评价：GZ00000001。仍未办结 1 项：GZ00000002（已吹哨至职能部门，须由主办部门办结）。无需办结 1 项：GZ00000003（此前已驳回）。',
    );
    const many = Array.from({ length: 50 }, (_, i) => closeOutcomeView(i + 1, { outcome: ProjectItemOutcome.HeldElsewhere, reason: '正由网格处理，须由网格办结' }));
    expect(Array.from(closeOutcomeNote(many)).length).toBeLessThanOrEqual(500);
  });
});
