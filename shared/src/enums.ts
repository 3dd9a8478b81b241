/** 普通 / 紧急 */
export enum Urgency {
  Normal = 'NORMAL',
  Urgent = 'URGENT',
}

export const URGENCY_LABELS: Record<Urgency, string> = {
  [Urgency.Normal]: '普通',
  [Urgency.Urgent]: '紧急',
};

/** How an item entered the ledger: 小程序 / 电话 / 来访 / 巡查 / 意见箱 / 议事会 */
export enum Channel {
  MiniProgram = 'MINI_PROGRAM',
  Phone = 'PHONE',
  WalkIn = 'WALK_IN',
  Patrol = 'PATROL',
  SuggestionBox = 'SUGGESTION_BOX',
  Deliberation = 'DELIBERATION',
}

export const CHANNEL_LABELS: Record<Channel, string> = {
  [Channel.MiniProgram]: '小程序',
  [Channel.Phone]: '电话',
  [Channel.WalkIn]: '来访',
  [Channel.Patrol]: '巡查',
  [Channel.SuggestionBox]: '意见箱',
  [Channel.Deliberation]: '议事会',
};

/**
 * The level that currently holds an item: "小事不出网格、大事不出社区、难事街道吹哨".
 * Escalation (issue: whistle chain) moves an item one level up; the status machine is unchanged.
 */
export enum HandlingLevel {
  Grid = 'GRID',
  Community = 'COMMUNITY',
  Street = 'STREET',
}

export const HANDLING_LEVEL_LABELS: Record<HandlingLevel, string> = {
  [HandlingLevel.Grid]: '网格',
  [HandlingLevel.Community]: '社区',
  [HandlingLevel.Street]: '街道',
};

export enum NotificationKind {
  RequestRouted = 'REQUEST_ROUTED',
  RequestAccepted = 'REQUEST_ACCEPTED',
  RequestProgress = 'REQUEST_PROGRESS',
  RequestResolved = 'REQUEST_RESOLVED',
  RequestRejected = 'REQUEST_REJECTED',
  RequestReopened = 'REQUEST_REOPENED',
  RequestRated = 'REQUEST_RATED',
  /** to each liaison of a whistled department */
  WhistleAssigned = 'WHISTLE_ASSIGNED',
  /** to the street officer: a department reported in */
  WhistleReported = 'WHISTLE_REPORTED',
  /** to the street officer: a department returned the item */
  WhistleReturned = 'WHISTLE_RETURNED',
  /** to the lead department's liaisons: the resident was not satisfied (重办) */
  WhistleReopened = 'WHISTLE_REOPENED',
  /** to the next level's officer: an item was escalated (上报) to them, by its holder or by a missed deadline */
  RequestEscalated = 'REQUEST_ESCALATED',
  /** to the holder and the supervising level: a deadline passed (督办) */
  DeadlineMissed = 'DEADLINE_MISSED',
  /** to the approving level: the holder asks for more time (延期) */
  ExtensionRequested = 'EXTENSION_REQUESTED',
  /** to the holder who asked: the extension was approved or refused */
  ExtensionDecided = 'EXTENSION_DECIDED',
  /** to the resident: the booking is made (预约成功) */
  BookingConfirmed = 'BOOKING_CONFIRMED',
  /** to the resident: the provider confirmed / arrived / completed (please rate) / marked no-show / a custody step */
  BookingUpdated = 'BOOKING_UPDATED',
  /** to the provider (grid leader or coordinator): a new booking or a cancellation on their day plan */
  VisitBooked = 'VISIT_BOOKED',
  VisitCancelled = 'VISIT_CANCELLED',
  /** to the residents of a project's linked items: the project (问需会项目服务清单) was closed with a result */
  ProjectClosed = 'PROJECT_CLOSED',
}
