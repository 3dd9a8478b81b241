/**
 * 办理链条: who held an item and for how long, derived from its timeline events (pure; unit-tested).
 * A stage starts with the event that hands the item over (提交 → 网格, 上报 → next level, 吹哨 → departments,
 * 部门退回 → back to the level that whistled, 办结 → the resident's rating, 重办 → back to the holder) and ends
 * with the next hand-over; 评价 / 驳回 / 撤回 end the chain.
 */
import {
  HandlingLevel,
  levelAbove,
  RequestAction,
  Role,
  WHISTLE_ROLE_LABELS,
  type TimelineEvent,
  type WhistleAssignmentView,
} from '@gezhi/shared';

export type ChainStageKind = 'GRID' | 'COMMUNITY' | 'STREET' | 'DEPARTMENTS' | 'RESIDENT';

export interface ChainStage {
  kind: ChainStageKind;
  /** e.g. 网格办理, 社区协调, 街道协调, 部门处置, 待居民评价 */
  title: string;
  /** how it arrived here, e.g. 居民提交, 网格上报, 超时自动上报, 街道吹哨, 部门退回 */
  cause: string;
  /** who acted in this stage: staff names, departments with 主办/协办 */
  holders: string[];
  startedAt: string;
  /** null: still held */
  endedAt: string | null;
  /** milliseconds held (until `now` for the current stage) */
  durationMs: number;
}

const LEVEL_STAGE: Record<HandlingLevel, { kind: ChainStageKind; title: string }> = {
  [HandlingLevel.Grid]: { kind: 'GRID', title: '网格办理' },
  [HandlingLevel.Community]: { kind: 'COMMUNITY', title: '社区协调' },
  [HandlingLevel.Street]: { kind: 'STREET', title: '街道协调' },
};

const HOLDER_ROLES: readonly string[] = [Role.GridLeader, Role.CommunityOfficer, Role.StreetOfficer, Role.Liaison];

function actorOf(event: TimelineEvent): string | null {
  if (!HOLDER_ROLES.includes(event.actorRole)) return null;
  return event.departmentName ? `${event.departmentName} ${event.actorName}` : event.actorName;
}

export function chainOfCustody(
  events: readonly TimelineEvent[],
  now: Date = new Date(),
  assignments: readonly WhistleAssignmentView[] = [],
): ChainStage[] {
  const inOrder = [...events].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  const stages: ChainStage[] = [];
  let current: ChainStage | null = null;
  let level = HandlingLevel.Grid;
  /** the level that whistled (a returned whistle goes back there) */
  let whistledFrom = HandlingLevel.Street;
  /** the stage a resolve left (重办 returns there) */
  let beforeResolve: { kind: 'LEVEL' | 'DEPARTMENTS'; level: HandlingLevel } = { kind: 'LEVEL', level };
  let whistleRound = 0;

  const close = (at: string) => {
    if (!current) return;
    current.endedAt = at;
    current.durationMs = Math.max(0, Date.parse(at) - Date.parse(current.startedAt));
    current = null;
  };
  const open = (kind: ChainStageKind, title: string, cause: string, at: string, holders: string[] = []) => {
    close(at);
    current = { kind, title, cause, holders, startedAt: at, endedAt: null, durationMs: 0 };
    stages.push(current);
  };
  const openLevel = (next: HandlingLevel, cause: string, at: string) => {
    level = next;
    open(LEVEL_STAGE[next].kind, LEVEL_STAGE[next].title, cause, at);
  };
  const openDepartments = (cause: string, at: string) => {
    const round = assignments.filter((a) => a.round === whistleRound);
    const holders = round.map((a) => `${a.departmentName}（${WHISTLE_ROLE_LABELS[a.role]}）`);
    open('DEPARTMENTS', '部门处置', cause, at, holders);
  };

  for (const event of inOrder) {
    const actor = actorOf(event);
    const stage = current as ChainStage | null;
    if (actor && stage && !stage.holders.includes(actor)) stage.holders.push(actor);
    switch (event.action) {
      case RequestAction.Submit:
        openLevel(HandlingLevel.Grid, '居民提交', event.at);
        break;
      case RequestAction.Escalate: {
        const next = levelAbove(level) ?? level; // the shared ladder; the street is its top
        const from = LEVEL_STAGE[level].title.slice(0, 2);
        openLevel(next, event.actorRole === 'SYSTEM' ? '超时自动上报' : `${from}上报`, event.at);
        break;
      }
      case RequestAction.Whistle:
        whistledFrom = level;
        whistleRound += 1;
        openDepartments(`${LEVEL_STAGE[level].title.slice(0, 2)}吹哨`, event.at);
        break;
      case RequestAction.ReturnWhistle:
        openLevel(whistledFrom, '部门退回', event.at);
        break;
      case RequestAction.Resolve:
        beforeResolve = stage?.kind === 'DEPARTMENTS' ? { kind: 'DEPARTMENTS', level } : { kind: 'LEVEL', level };
        open('RESIDENT', '待居民评价', '已办结', event.at);
        break;
      case RequestAction.Reopen:
        if (beforeResolve.kind === 'DEPARTMENTS') openDepartments('居民不满意，重办', event.at);
        else openLevel(beforeResolve.level, '居民不满意，重办', event.at);
        break;
      case RequestAction.ReopenToDepartment:
        openDepartments('居民不满意，主办部门重办', event.at);
        break;
      case RequestAction.Rate:
      case RequestAction.Reject:
      case RequestAction.Cancel:
        close(event.at);
        break;
      default:
        break;
    }
  }
  const last = current as ChainStage | null;
  if (last) last.durationMs = Math.max(0, now.getTime() - Date.parse(last.startedAt));
  return stages;
}

/** "不到 1 分钟", "25 分钟", "2 小时 5 分", "3 天 4 小时" (wall-clock). */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60000);
  if (minutes < 1) return '不到 1 分钟';
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    return rest ? `${hours} 小时 ${rest} 分` : `${hours} 小时`;
  }
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours ? `${days} 天 ${restHours} 小时` : `${days} 天`;
}
