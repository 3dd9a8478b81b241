import { categoryLabel, NotificationKind, ProjectItemOutcome, RequestCategory } from '@gezhi/shared';
import type { Notice } from '../../notifications/request-notices';
import { excerpt, formatSerial } from '../../requests/domain/request-presentation';

/**
 * What the residents of a closed project's items are told — true for each item: resolved by the close (请评价), already
 * resolved or over, or still open and why. Plain function: the same words wherever it is used.
 */
export interface ClosedProjectFacts {
  title: string;
  result: string;
}

export interface LinkedRequestFacts {
  id: number;
  residentUserId: number | null;
  category: RequestCategory;
  subcategory: string;
  /** what the close did to it (review/domain/project-close.ts) */
  outcome: ProjectItemOutcome;
  /** why it was not resolved by the close; null when it was */
  reason: string | null;
}

export const PROJECT_CLOSED_TITLE = '您反映的问题已列入项目并办结';
export const PROJECT_CLOSED_STILL_OPEN_TITLE = '问需会项目已办结，您的诉求仍在处理';
export const PROJECT_CLOSED_ITEM_OVER_TITLE = '您反映的问题所列入的项目已办结';
const BODY_MAX = 200;

/**
 * One notice per linked request that has a resident (walk-ins for someone not registered have none), pointing at
 * that request, so a resident with two linked items hears about each of them.
 */
export function projectClosedNotices(project: ClosedProjectFacts, requests: readonly LinkedRequestFacts[]): Notice[] {
  return requests
    .filter((r): r is LinkedRequestFacts & { residentUserId: number } => r.residentUserId !== null)
    .map((r) => projectClosedNotice(project, r));
}

export function projectClosedNotice(project: ClosedProjectFacts, request: LinkedRequestFacts & { residentUserId: number }): Notice {
  const head = `${formatSerial(request.id)} ${categoryLabel(request.category, request.subcategory)}：已列入居民问需会项目「${project.title}」`;
  const { title, text } = wording(request, head, project.result);
  return {
    userId: request.residentUserId,
    kind: NotificationKind.ProjectClosed,
    title,
    body: excerpt(text, BODY_MAX - 1),
    requestId: request.id,
  };
}

function wording(request: LinkedRequestFacts, head: string, result: string): { title: string; text: string } {
  switch (request.outcome) {
    case ProjectItemOutcome.Resolved:
      return { title: PROJECT_CLOSED_TITLE, text: `${head}，现已办结，请评价。${result}` };
    case ProjectItemOutcome.AwaitingRating:
      return { title: PROJECT_CLOSED_TITLE, text: `${head}，项目已办结，您的诉求已办结，请评价。${result}` };
    case ProjectItemOutcome.AlreadyFinal:
      return { title: PROJECT_CLOSED_ITEM_OVER_TITLE, text: `${head}，项目已办结（您的这项诉求${request.reason ?? '此前已结束'}）。${result}` };
    default:
      return { title: PROJECT_CLOSED_STILL_OPEN_TITLE, text: `${head}，项目已办结，但您的这项诉求仍未办结：${request.reason ?? ''}。项目结果：${result}` };
  }
}
