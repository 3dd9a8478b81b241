import { ErrorCode } from './errors';
import { Role, STAFF_ROLES } from './roles';

/**
 * What a signed-in user may do, one value per capability. Every API route declares one (server:
 * `@Requires(Permission.X)`, or `@Public()` for the few routes that need no token); the server decides access in
 * one entry, `requireAccess(viewer, permission, target)`: first the role gate below (at the route, before the body
 * is read), then the permission's rule on the target (a request, a community, a unit…) where it has one.
 */
export enum Permission {
  // ---- one's own account (any signed-in user) ----
  /** GET /me, the WeChat subscription settings */
  AccountRead = 'account.read',
  /** change one's password, bind one's WeChat: staff and liaisons (residents sign in with WeChat only) */
  AccountCredentials = 'account.credentials',
  /** PUT /me/home: a resident binds their home */
  HomeBind = 'home.bind',
  NotificationsRead = 'notifications.read',
  PhotoUpload = 'photo.upload',
  /** the street → community → building → room pickers */
  GeoBrowse = 'geo.browse',

  // ---- requests (诉求) ----
  /** file a request: a resident for their home, staff on behalf of a resident in their area */
  RequestFile = 'request.file',
  /** a resident's own requests */
  RequestListOwn = 'request.list-own',
  /** one request: its resident, staff whose area covers it, liaisons of departments involved */
  RequestView = 'request.view',
  /** accept, progress, resolve, reject, cancel, rate (who may take which step: the transition table) */
  RequestTransition = 'request.transition',
  RequestEscalate = 'request.escalate',
  ExtensionAsk = 'extension.ask',
  ExtensionList = 'extension.list',
  /** approve or reject a holder's ask for more time (the supervising level) */
  ExtensionDecide = 'extension.decide',
  /** 回访: the due list, the call, the rating by phone, unreachable */
  ReturnVisit = 'request.return-visit',
  StaffInbox = 'staff.inbox',
  /** rooms in the staff member's area and their residents (filing on behalf) */
  StaffRooms = 'staff.rooms',
  /** confirm or reject a resident's home binding */
  HomeBindingVerify = 'home-binding.verify',

  // ---- whistle (街道吹哨、部门报到) ----
  WhistlePropose = 'whistle.propose',
  Whistle = 'whistle.blow',
  /** a liaison's steps on their department's assignment: report, progress, return, resolve */
  WhistleAssignmentAct = 'whistle.assignment',
  LiaisonInbox = 'liaison.inbox',
  DepartmentList = 'department.list',
  /** the street's routing table and whistle settings */
  StreetAdmin = 'admin.street',
  /** the deadline policy and the working calendar */
  DeadlineAdmin = 'admin.deadlines',

  // ---- published numbers ----
  /** 公示: a community's closed items */
  BoardView = 'board.view',
  MetricsView = 'metrics.view',
  MetricsRanking = 'metrics.ranking',
  MetricsReport = 'metrics.report',

  // ---- services and bookings ----
  CatalogueView = 'catalogue.view',
  /** a community officer maintains their community's catalogue, slots and recurrences */
  CatalogueMaintain = 'catalogue.maintain',
  /** a resident's own bookings: book, list, see, rate, cancel */
  BookingOwn = 'booking.own',
  /** 代办/上门 asks filed from the catalogue */
  ServiceAsk = 'service.ask',
  /** the visits a staff member provides (上门服务) */
  ProviderVisits = 'provider.visits',

  // ---- 问需会 (review) ----
  ReviewAgenda = 'review.agenda',
  ReviewSettingsView = 'review.settings.view',
  ReviewSettingsEdit = 'review.settings.edit',
  ReviewOwners = 'review.owners',
  ReviewProjectCreate = 'review.project.create',
  ReviewProjectList = 'review.project.list',
  ReviewProjectView = 'review.project.view',
  /** progress notes on, and closing of, a project */
  ReviewProjectAct = 'review.project.act',
}

/** The role gate of a permission: who may ask at all, and the code anyone else gets (403). */
export interface PermissionGrant {
  roles: readonly Role[];
  refusal: ErrorCode;
}

const EVERYONE: readonly Role[] = Object.values(Role);
const anyone: PermissionGrant = { roles: EVERYONE, refusal: ErrorCode.Forbidden };
/** Grid leaders, community and street officers; anyone else (residents, liaisons) 403 NOT_STAFF. */
const staff: PermissionGrant = { roles: STAFF_ROLES, refusal: ErrorCode.NotStaff };
const residents: PermissionGrant = { roles: [Role.Resident], refusal: ErrorCode.Forbidden };
const liaisons: PermissionGrant = { roles: [Role.Liaison], refusal: ErrorCode.Forbidden };
const streetOfficers: PermissionGrant = { roles: [Role.StreetOfficer], refusal: ErrorCode.Forbidden };
/** Accounts with a password (staff and liaisons); residents 403 PASSWORD_NOT_ALLOWED. */
const passwordHolders: PermissionGrant = { roles: [...STAFF_ROLES, Role.Liaison], refusal: ErrorCode.PasswordNotAllowed };

/**
 * The role gate of every permission. "anyone" means any signed-in user reaches the permission's rule, which decides
 * on the target (e.g. who may see the board of which community). The refusal codes are the ones clients and tests
 * rely on: NOT_STAFF for a staff function, FORBIDDEN for the rest (docs/server-notes.md, "Access").
 */
export const PERMISSION_GRANTS: Record<Permission, PermissionGrant> = {
  [Permission.AccountRead]: anyone,
  [Permission.AccountCredentials]: passwordHolders,
  [Permission.HomeBind]: residents,
  [Permission.NotificationsRead]: anyone,
  [Permission.PhotoUpload]: anyone,
  [Permission.GeoBrowse]: anyone,

  [Permission.RequestFile]: anyone,
  [Permission.RequestListOwn]: residents,
  [Permission.RequestView]: anyone,
  [Permission.RequestTransition]: anyone,
  [Permission.RequestEscalate]: staff,
  [Permission.ExtensionAsk]: staff,
  [Permission.ExtensionList]: staff,
  [Permission.ExtensionDecide]: staff,
  [Permission.ReturnVisit]: staff,
  [Permission.StaffInbox]: staff,
  [Permission.StaffRooms]: staff,
  [Permission.HomeBindingVerify]: staff,

  [Permission.WhistlePropose]: anyone,
  [Permission.Whistle]: anyone,
  [Permission.WhistleAssignmentAct]: liaisons,
  [Permission.LiaisonInbox]: liaisons,
  [Permission.DepartmentList]: anyone,
  [Permission.StreetAdmin]: streetOfficers,
  [Permission.DeadlineAdmin]: streetOfficers,

  [Permission.BoardView]: anyone,
  [Permission.MetricsView]: anyone,
  [Permission.MetricsRanking]: anyone,
  [Permission.MetricsReport]: anyone,

  [Permission.CatalogueView]: anyone,
  [Permission.CatalogueMaintain]: anyone,
  [Permission.BookingOwn]: residents,
  [Permission.ServiceAsk]: residents,
  [Permission.ProviderVisits]: staff,

  [Permission.ReviewAgenda]: staff,
  [Permission.ReviewSettingsView]: staff,
  [Permission.ReviewSettingsEdit]: staff,
  [Permission.ReviewOwners]: staff,
  [Permission.ReviewProjectCreate]: staff,
  [Permission.ReviewProjectList]: staff,
  [Permission.ReviewProjectView]: staff,
  [Permission.ReviewProjectAct]: staff,
};

/** Whether a role passes the permission's role gate (a client may hide what its user can never do). */
export function roleMay(role: Role, permission: Permission): boolean {
  return PERMISSION_GRANTS[permission].roles.includes(role);
}
