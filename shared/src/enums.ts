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
}
