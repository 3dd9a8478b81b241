import { categoryLabel, NotificationKind, RequestCategory } from '@gezhi/shared';
import type { Notice } from '../../notifications/request-notices';
import { excerpt, formatSerial } from '../../requests/domain/request-presentation';

/** What the residents of a closed project's items are told. Plain function: the same words wherever it is used. */
export interface ClosedProjectFacts {
  title: string;
  result: string;
}

export interface LinkedRequestFacts {
  id: number;
  residentUserId: number | null;
  category: RequestCategory;
  subcategory: string;
}

export const PROJECT_CLOSED_TITLE = '您反映的问题已列入项目并办结';
const BODY_MAX = 200;

/**
 * One notice per linked request that has a resident (walk-ins filed by staff have none), pointing at that request,
 * so a resident with two linked items hears about each of them.
 */
export function projectClosedNotices(project: ClosedProjectFacts, requests: readonly LinkedRequestFacts[]): Notice[] {
  return requests
    .filter((r): r is LinkedRequestFacts & { residentUserId: number } => r.residentUserId !== null)
    .map((r) => ({
      userId: r.residentUserId,
      kind: NotificationKind.ProjectClosed,
      title: PROJECT_CLOSED_TITLE,
      body: excerpt(
        `${formatSerial(r.id)} ${categoryLabel(r.category, r.subcategory)}：已列入居民问需会项目「${project.title}」，现已办结。${project.result}`,
        BODY_MAX - 1,
      ),
      requestId: r.id,
    }));
}
