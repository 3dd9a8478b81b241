import { AssignmentState, RequestAction, RequestStatus, Role, WhistleRole, type TimelineEvent, type WhistleAssignmentView } from '@gezhi/shared';
import { chainOfCustody, formatDuration } from '../../src/utils/chain';

let nextId = 1;
function event(action: RequestAction, at: string, actor: { name: string; role: Role | 'SYSTEM'; department?: string }, toStatus = RequestStatus.InProgress): TimelineEvent {
  return {
    id: nextId++,
    action,
    fromStatus: null,
    toStatus,
    actorName: actor.name,
    actorRole: actor.role,
    note: null,
    photos: [],
    at,
    departmentName: actor.department ?? null,
  };
}

const resident = { name: '王阿姨', role: Role.Resident };
const leader = { name: '李网格', role: Role.GridLeader };
const community = { name: '陈立华', role: Role.CommunityOfficer };
const street = { name: '赵文博', role: Role.StreetOfficer };
const police = { name: '孙警官', role: Role.Liaison, department: '团结派出所' };
const system = { name: '系统', role: 'SYSTEM' as const };

function assignment(round: number, departmentName: string, role: WhistleRole): WhistleAssignmentView {
  return {
    id: round * 10 + (role === WhistleRole.Lead ? 1 : 2),
    requestId: 1,
    round,
    departmentId: round * 10,
    departmentName,
    role,
    state: AssignmentState.Reported,
    note: null,
    plan: null,
    returnedReason: null,
    notifiedAt: '2026-11-23T01:00:00.000Z',
    reportedAt: null,
    finishedAt: null,
    reportDueAt: null,
    availableActions: [],
    version: 1,
  };
}

describe('chainOfCustody (办理链条)', () => {
  it('follows grid → community (by hand) → street (by the sweeper) → departments → resident, with who held it and how long', () => {
    const events = [
      event(RequestAction.Submit, '2026-11-23T01:00:00.000Z', resident, RequestStatus.PendingAccept),
      event(RequestAction.Accept, '2026-11-23T01:20:00.000Z', leader),
      event(RequestAction.Escalate, '2026-11-23T03:20:00.000Z', leader, RequestStatus.PendingAccept),
      event(RequestAction.Escalate, '2026-11-24T03:20:00.000Z', system, RequestStatus.PendingAccept),
      event(RequestAction.Accept, '2026-11-24T04:00:00.000Z', street),
      event(RequestAction.Whistle, '2026-11-24T05:00:00.000Z', street, RequestStatus.Whistled),
      event(RequestAction.Report, '2026-11-24T05:30:00.000Z', police, RequestStatus.Whistled),
      event(RequestAction.Resolve, '2026-11-26T05:30:00.000Z', police, RequestStatus.Resolved),
    ];
    const stages = chainOfCustody(events, new Date('2026-11-26T06:00:00.000Z'), [
      assignment(1, '团结派出所', WhistleRole.Lead),
      assignment(1, '城管执法中队', WhistleRole.Assist),
    ]);
    expect(stages.map((s) => [s.title, s.cause, s.holders, formatDuration(s.durationMs), s.endedAt === null])).toEqual([
      ['网格办理', '居民提交', ['李网格'], '2 小时 20 分', false],
      ['社区协调', '网格上报', [], '1 天', false],
      ['街道协调', '超时自动上报', ['赵文博'], '1 小时 40 分', false],
      ['部门处置', '街道吹哨', ['团结派出所（主办）', '城管执法中队（协办）', '团结派出所 孙警官'], '2 天', false],
      ['待居民评价', '已办结', [], '30 分钟', true],
    ]);
    expect(stages[1].holders).toEqual([]);
  });

  it('sends a returned whistle back to the street, and ends the chain when the resident rates', () => {
    const events = [
      event(RequestAction.Submit, '2026-11-23T01:00:00.000Z', resident, RequestStatus.PendingAccept),
      event(RequestAction.Escalate, '2026-11-23T01:10:00.000Z', leader, RequestStatus.PendingAccept),
      event(RequestAction.Escalate, '2026-11-23T01:20:00.000Z', community, RequestStatus.PendingAccept),
      event(RequestAction.Whistle, '2026-11-23T01:30:00.000Z', street, RequestStatus.Whistled),
      event(RequestAction.ReturnWhistle, '2026-11-23T02:30:00.000Z', police, RequestStatus.InProgress),
      event(RequestAction.Whistle, '2026-11-23T02:40:00.000Z', street, RequestStatus.Whistled),
      event(RequestAction.Resolve, '2026-11-23T03:40:00.000Z', { name: '周正', role: Role.Liaison, department: '城管执法中队' }, RequestStatus.Resolved),
      event(RequestAction.Rate, '2026-11-23T04:00:00.000Z', resident, RequestStatus.Closed),
    ];
    const stages = chainOfCustody(events, new Date('2026-12-01T00:00:00.000Z'), [
      assignment(1, '团结派出所', WhistleRole.Lead),
      assignment(2, '城管执法中队', WhistleRole.Lead),
    ]);
    expect(stages.map((s) => [s.title, s.cause, formatDuration(s.durationMs)])).toEqual([
      ['网格办理', '居民提交', '10 分钟'],
      ['社区协调', '网格上报', '10 分钟'],
      ['街道协调', '社区上报', '10 分钟'],
      ['部门处置', '街道吹哨', '1 小时'],
      ['街道协调', '部门退回', '10 分钟'],
      ['部门处置', '街道吹哨', '1 小时'],
      ['待居民评价', '已办结', '20 分钟'],
    ]);
    expect(stages[3].holders).toEqual(['团结派出所（主办）', '团结派出所 孙警官']);
    expect(stages[5].holders).toEqual(['城管执法中队（主办）', '城管执法中队 周正']);
    expect(stages.every((s) => s.endedAt !== null)).toBe(true);
  });

  it('returns a reopened item to the level that resolved it, and counts the current stage until now', () => {
    const events = [
      event(RequestAction.Submit, '2026-11-23T01:00:00.000Z', resident, RequestStatus.PendingAccept),
      event(RequestAction.Accept, '2026-11-23T01:05:00.000Z', leader),
      event(RequestAction.Resolve, '2026-11-23T02:00:00.000Z', leader, RequestStatus.Resolved),
      event(RequestAction.Reopen, '2026-11-23T03:00:00.000Z', system),
    ];
    const stages = chainOfCustody(events, new Date('2026-11-23T03:00:30.000Z'));
    expect(stages.map((s) => [s.title, s.cause, s.endedAt === null, formatDuration(s.durationMs)])).toEqual([
      ['网格办理', '居民提交', false, '1 小时'],
      ['待居民评价', '已办结', false, '1 小时'],
      ['网格办理', '居民不满意，重办', true, '不到 1 分钟'],
    ]);
  });

  it('orders events by time whatever order they arrive in', () => {
    const late = event(RequestAction.Accept, '2026-11-23T01:30:00.000Z', leader);
    const first = event(RequestAction.Submit, '2026-11-23T01:00:00.000Z', resident, RequestStatus.PendingAccept);
    const [only] = chainOfCustody([late, first], new Date('2026-11-23T02:00:00.000Z'));
    expect(only).toMatchObject({ title: '网格办理', holders: ['李网格'], durationMs: 60 * 60000, endedAt: null });
  });

  it('returns no stage for no events', () => {
    expect(chainOfCustody([])).toEqual([]);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '不到 1 分钟'],
    [59_999, '不到 1 分钟'],
    [25 * 60000, '25 分钟'],
    [60 * 60000, '1 小时'],
    [125 * 60000, '2 小时 5 分'],
    [24 * 3600000, '1 天'],
    [(3 * 24 + 4) * 3600000 + 59 * 60000, '3 天 4 小时'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
