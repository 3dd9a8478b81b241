import { ErrorCode, FieldErrorCode } from '@gezhi/shared';

/** The HTTP status each error code is returned with, unless the thrower says otherwise. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.RequestNotFound]: 404,
  [ErrorCode.IllegalTransition]: 409,
  [ErrorCode.ConcurrentModification]: 409,
  [ErrorCode.HomeNotBound]: 409,
  [ErrorCode.RoomNotFound]: 404,
  [ErrorCode.ResidentNotFound]: 404,
  [ErrorCode.NotStaff]: 403,
  [ErrorCode.NotInYourScope]: 403,
  [ErrorCode.WechatCodeInvalid]: 400,
  [ErrorCode.WechatCodeUsed]: 400,
  [ErrorCode.WechatRateLimited]: 429,
  [ErrorCode.WechatUnavailable]: 503,
  [ErrorCode.DevLoginDisabled]: 403,
  [ErrorCode.AccountSuspended]: 403,
  [ErrorCode.UploadTooLarge]: 413,
  [ErrorCode.UploadNotImage]: 415,
  [ErrorCode.UploadMissing]: 400,
  [ErrorCode.PhotoNotFound]: 404,
  [ErrorCode.RouteNotFound]: 404,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.InvalidCredentials]: 401,
  [ErrorCode.AccountLocked]: 429,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.DatabaseUnavailable]: 503,
  [ErrorCode.PasswordNotAllowed]: 403,
  [ErrorCode.CurrentPasswordIncorrect]: 403,
  [ErrorCode.WechatAlreadyBound]: 409,
  [ErrorCode.WechatNotBound]: 409,
  [ErrorCode.EscalationTopReached]: 409,
  [ErrorCode.SlotFull]: 409,
  [ErrorCode.AlreadyBooked]: 409,
  [ErrorCode.NotEligible]: 403,
  [ErrorCode.SlotClosed]: 409,
  [ErrorCode.CancelTooLate]: 409,
  [ErrorCode.CapacityBelowBooked]: 409,
  [ErrorCode.SlotHasBookings]: 409,
  [ErrorCode.VisitDayNotReached]: 409,
  [ErrorCode.NotInYourCommunity]: 403,
  [ErrorCode.NotInYourStreet]: 403,
  [ErrorCode.NotWhistledToYourDepartment]: 403,
  [ErrorCode.ReturnVisitNotDue]: 409,
  [ErrorCode.ResidentNotInRoom]: 409,
  [ErrorCode.BodyTooDeep]: 400,
  [ErrorCode.UploadMalformed]: 400,
  [ErrorCode.PhotoUrlInvalid]: 403,
  [ErrorCode.PhotoUrlExpired]: 403,
  [ErrorCode.Internal]: 500,
};

/**
 * A business or client error with a stable code from the shared contract. Plain TypeScript (no Nest), so
 * domain rules can throw it; one global filter turns it into the error envelope.
 */
export class DomainError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly fieldErrors?: Record<string, FieldErrorCode>,
    status?: number,
  ) {
    super(code);
    this.name = 'DomainError';
    this.status = status ?? ERROR_STATUS[code];
  }

  static validation(fieldErrors: Record<string, FieldErrorCode>): DomainError {
    return new DomainError(ErrorCode.ValidationFailed, fieldErrors);
  }

  /** A user message more precise than the code's default (e.g. when to retry), and optionally retryAfterSeconds. */
  static withDetail(code: ErrorCode, detail: { message?: string; retryAfterSeconds?: number }): DomainError {
    const error = new DomainError(code);
    error.userMessage = detail.message;
    error.retryAfterSeconds = detail.retryAfterSeconds;
    return error;
  }

  /** overrides ERROR_MESSAGES[code] in the envelope */
  userMessage?: string;
  /** becomes `retryAfterSeconds` in the envelope and the Retry-After header */
  retryAfterSeconds?: number;
  /** set by `requireAccess` on a refusal: what was asked for on what, for the request's log line (never sent) */
  access?: AccessRefusal;
}

/** What an access refusal was about: the permission asked for, and the target (e.g. `request:42`) if any. */
export interface AccessRefusal {
  permission: string;
  target?: string;
}
