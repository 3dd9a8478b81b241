/**
 * Stable error codes. Every error the API returns carries one of these and a Chinese message;
 * clients switch on the code, never on the text.
 */
export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  RequestNotFound = 'REQUEST_NOT_FOUND',
  IllegalTransition = 'ILLEGAL_TRANSITION',
  ConcurrentModification = 'CONCURRENT_MODIFICATION',
  HomeNotBound = 'HOME_NOT_BOUND',
  RoomNotFound = 'ROOM_NOT_FOUND',
  ResidentNotFound = 'RESIDENT_NOT_FOUND',
  NotStaff = 'NOT_STAFF',
  NotInYourScope = 'NOT_IN_YOUR_SCOPE',
  WechatCodeInvalid = 'WECHAT_CODE_INVALID',
  WechatCodeUsed = 'WECHAT_CODE_USED',
  WechatRateLimited = 'WECHAT_RATE_LIMITED',
  WechatUnavailable = 'WECHAT_UNAVAILABLE',
  DevLoginDisabled = 'DEV_LOGIN_DISABLED',
  /** the account is suspended: no login of any kind (its tokens already stopped working) */
  AccountSuspended = 'ACCOUNT_SUSPENDED',
  UploadTooLarge = 'UPLOAD_TOO_LARGE',
  UploadNotImage = 'UPLOAD_NOT_IMAGE',
  UploadMissing = 'UPLOAD_MISSING',
  PhotoNotFound = 'PHOTO_NOT_FOUND',
  RouteNotFound = 'ROUTE_NOT_FOUND',
  /** a JSON body over the server's body limit (uploads have their own UPLOAD_TOO_LARGE) */
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  /** password login: wrong password, unknown account, or an account that cannot use a password (same answer for all) */
  InvalidCredentials = 'INVALID_CREDENTIALS',
  /** too many failed password logins for this account: locked for a while (see retryAfterSeconds) */
  AccountLocked = 'ACCOUNT_LOCKED',
  /** too many attempts or too much of something in a while (logins from one address, filings, uploads, home changes): retry after retryAfterSeconds */
  RateLimited = 'RATE_LIMITED',
  /** the database does not answer (down, frozen, restarting): retry shortly */
  DatabaseUnavailable = 'DATABASE_UNAVAILABLE',
  /** only staff and liaisons with an account name may set a password */
  PasswordNotAllowed = 'PASSWORD_NOT_ALLOWED',
  /** PUT /api/me/password: currentPassword missing or wrong */
  CurrentPasswordIncorrect = 'CURRENT_PASSWORD_INCORRECT',
  /** binding a WeChat identity that already belongs to another user */
  WechatAlreadyBound = 'WECHAT_ALREADY_BOUND',
  /** subscribe-message opt-ins need a WeChat identity (WeChat login or binding) */
  WechatNotBound = 'WECHAT_NOT_BOUND',
  /** 上报: the street is the top of the ladder; it whistles to departments instead */
  EscalationTopReached = 'ESCALATION_TOP_REACHED',
  /** booking: the slot has no free place left (已约满) */
  SlotFull = 'SLOT_FULL',
  /** booking: the resident already holds a place in this slot */
  AlreadyBooked = 'ALREADY_BOOKED',
  /** booking: the service is restricted to residents with other tags */
  NotEligible = 'NOT_ELIGIBLE',
  /** booking: the slot has started or passed */
  SlotClosed = 'SLOT_CLOSED',
  /** cancelling a booking after the cut-off before the slot */
  CancelTooLate = 'CANCEL_TOO_LATE',
  /** PUT …/slots/:slotId: the new capacity is below the places already booked */
  CapacityBelowBooked = 'CAPACITY_BELOW_BOOKED',
  /** DELETE …/slots/:slotId: someone holds a place in the slot */
  SlotHasBookings = 'SLOT_HAS_BOOKINGS',
  /** arrive / complete a visit before its slot's local day (Asia/Shanghai); early within the day is fine */
  VisitDayNotReached = 'VISIT_DAY_NOT_REACHED',
  /**
   * Refusals of a request outside the caller's area, one per role so the message fits who reads it: a grid leader's
   * grid (NOT_IN_YOUR_SCOPE, the grid wording), a community officer's community, a street officer's street, a
   * liaison's department (the item was not whistled to it, or no longer is). Chosen by `requestScopeRefusal(role)`.
   */
  NotInYourCommunity = 'NOT_IN_YOUR_COMMUNITY',
  NotInYourStreet = 'NOT_IN_YOUR_STREET',
  NotWhistledToYourDepartment = 'NOT_WHISTLED_TO_YOUR_DEPARTMENT',
  /** 回访: the item has not yet waited the return-visit period for the resident's own rating */
  ReturnVisitNotDue = 'RETURN_VISIT_NOT_DUE',
  /** staff filing on behalf: `residentUserId` is not a registered resident bound to the chosen room */
  ResidentNotInRoom = 'RESIDENT_NOT_IN_ROOM',
  /** a JSON body nested deeper than LIMITS.jsonMaxDepth (objects and arrays): refused at parsing */
  BodyTooDeep = 'BODY_TOO_DEEP',
  /** a multipart upload that cannot be read: no or wrong boundary, a truncated part, garbage */
  UploadMalformed = 'UPLOAD_MALFORMED',
  /** GET /files/:id without a valid signature: photo URLs are handed out, signed, only with an item the caller may see */
  PhotoUrlInvalid = 'PHOTO_URL_INVALID',
  /** a signed photo URL past its expiry: fetch the item again for a fresh one */
  PhotoUrlExpired = 'PHOTO_URL_EXPIRED',
  Internal = 'INTERNAL',
}

export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  [ErrorCode.ValidationFailed]: '提交的内容有误，请检查后重试',
  [ErrorCode.Unauthenticated]: '请先登录',
  [ErrorCode.Forbidden]: '您没有权限进行此操作',
  [ErrorCode.NotFound]: '内容不存在',
  [ErrorCode.RequestNotFound]: '诉求不存在或您无权查看',
  [ErrorCode.IllegalTransition]: '当前状态下不能进行此操作',
  [ErrorCode.ConcurrentModification]: '该诉求刚被他人处理过，请刷新后重试',
  [ErrorCode.HomeNotBound]: '请先绑定您的住址',
  [ErrorCode.RoomNotFound]: '所选房屋不存在',
  [ErrorCode.ResidentNotFound]: '居民不存在',
  [ErrorCode.NotStaff]: '仅工作人员可以使用此功能',
  [ErrorCode.NotInYourScope]: '该诉求不在您负责的网格内',
  [ErrorCode.WechatCodeInvalid]: '微信登录凭证无效，请重新登录',
  [ErrorCode.WechatCodeUsed]: '微信登录凭证已使用，请重新登录',
  [ErrorCode.WechatRateLimited]: '登录过于频繁，请稍后再试',
  [ErrorCode.WechatUnavailable]: '微信服务暂时不可用，请稍后再试',
  [ErrorCode.DevLoginDisabled]: '开发登录在当前环境不可用',
  [ErrorCode.AccountSuspended]: '该账号已停用，请联系管理员',
  [ErrorCode.UploadTooLarge]: '图片过大，请压缩后重试',
  [ErrorCode.UploadNotImage]: '只能上传 JPG、PNG 或 WebP 图片',
  [ErrorCode.UploadMissing]: '请选择要上传的图片',
  [ErrorCode.PhotoNotFound]: '图片不存在或不属于您',
  [ErrorCode.RouteNotFound]: '接口不存在',
  [ErrorCode.PayloadTooLarge]: '提交的内容过大',
  [ErrorCode.InvalidCredentials]: '账号或密码错误',
  [ErrorCode.AccountLocked]: '登录失败次数过多，账号已临时锁定，请稍后再试',
  [ErrorCode.RateLimited]: '操作过于频繁，请稍后再试',
  [ErrorCode.DatabaseUnavailable]: '系统维护中，暂时无法处理，请稍后重试',
  [ErrorCode.PasswordNotAllowed]: '该账号不能设置密码，请使用微信登录',
  [ErrorCode.CurrentPasswordIncorrect]: '当前密码不正确',
  [ErrorCode.WechatAlreadyBound]: '该微信已绑定其他账号',
  [ErrorCode.WechatNotBound]: '请先使用微信登录或绑定微信',
  [ErrorCode.EscalationTopReached]: '已在街道层级，不能继续上报，请吹哨调度相关部门',
  [ErrorCode.SlotFull]: '已约满',
  [ErrorCode.AlreadyBooked]: '您已预约该时段',
  [ErrorCode.NotEligible]: '该服务仅面向特定居民，您暂不符合预约条件',
  [ErrorCode.SlotClosed]: '该时段已截止预约',
  [ErrorCode.CancelTooLate]: '距服务开始不足 2 小时，不能取消，请联系服务人员',
  [ErrorCode.CapacityBelowBooked]: '名额不能少于已预约人数',
  [ErrorCode.SlotHasBookings]: '该时段已有居民预约，不能删除',
  [ErrorCode.VisitDayNotReached]: '还没到预约的日子，不能提前上门或完成',
  [ErrorCode.NotInYourCommunity]: '该诉求不在您的社区',
  [ErrorCode.NotInYourStreet]: '该诉求不在您的街道',
  [ErrorCode.NotWhistledToYourDepartment]: '该诉求未向您所在部门吹哨',
  [ErrorCode.ReturnVisitNotDue]: '办结未满回访期限，请等待居民自行评价',
  [ErrorCode.ResidentNotInRoom]: '所选居民不是该房屋的登记住户，请重新选择',
  [ErrorCode.BodyTooDeep]: '提交的内容层级过深',
  [ErrorCode.UploadMalformed]: '上传的内容不完整或格式有误，请重新上传',
  [ErrorCode.PhotoUrlInvalid]: '图片链接无效或您无权查看',
  [ErrorCode.PhotoUrlExpired]: '图片链接已过期，请刷新页面',
  [ErrorCode.Internal]: '服务器开小差了，请稍后重试',
};

/** Field-level validation codes, keyed by field name in `ErrorEnvelope.errors`. */
export enum FieldErrorCode {
  Required = 'REQUIRED',
  TooLong = 'TOO_LONG',
  TooShort = 'TOO_SHORT',
  InvalidEnum = 'INVALID_ENUM',
  InvalidFormat = 'INVALID_FORMAT',
  OutOfRange = 'OUT_OF_RANGE',
  TooMany = 'TOO_MANY',
  UnknownField = 'UNKNOWN_FIELD',
  InvalidSubcategory = 'INVALID_SUBCATEGORY',
  /** a department id that does not exist or does not serve the request's street */
  UnknownDepartment = 'UNKNOWN_DEPARTMENT',
  /** the same value twice where it must be unique (a lead also named as assist, two rules for one category) */
  Duplicate = 'DUPLICATE',
  /** a service id that does not exist in the community (or cannot be a bundle component) */
  UnknownService = 'UNKNOWN_SERVICE',
  /** a coordinator who is not a grid leader or community officer of the service's community */
  UnknownCoordinator = 'UNKNOWN_COORDINATOR',
  /** a request id that does not exist or is not in the community (问需会 projects) */
  UnknownRequest = 'UNKNOWN_REQUEST',
  /** a user id that is not a staff member of the community (a project's owner) */
  UnknownStaff = 'UNKNOWN_STAFF',
  /** text holding NUL or another control character (only line feed, carriage return and tab are allowed) */
  ControlCharacter = 'CONTROL_CHARACTER',
}

export const FIELD_ERROR_MESSAGES: Record<FieldErrorCode, string> = {
  [FieldErrorCode.Required]: '必填',
  [FieldErrorCode.TooLong]: '内容过长',
  [FieldErrorCode.TooShort]: '内容过短',
  [FieldErrorCode.InvalidEnum]: '选项无效',
  [FieldErrorCode.InvalidFormat]: '格式不正确',
  [FieldErrorCode.OutOfRange]: '超出允许范围',
  [FieldErrorCode.TooMany]: '数量超出上限',
  [FieldErrorCode.UnknownField]: '不支持的字段',
  [FieldErrorCode.InvalidSubcategory]: '子类别与类别不匹配',
  [FieldErrorCode.UnknownDepartment]: '部门不存在或不属于本街道',
  [FieldErrorCode.Duplicate]: '重复',
  [FieldErrorCode.UnknownService]: '服务不存在或不能组合',
  [FieldErrorCode.UnknownCoordinator]: '协调人须为本社区的网格长或社区工作人员',
  [FieldErrorCode.UnknownRequest]: '诉求不存在或不属于本社区',
  [FieldErrorCode.UnknownStaff]: '不是本社区的工作人员',
  [FieldErrorCode.ControlCharacter]: '包含不可见的控制字符',
};

/** The one error shape every failed API call returns. */
export interface ErrorEnvelope {
  status: number;
  code: ErrorCode;
  message: string;
  /** field name → field error code, for 400 validation errors */
  errors?: Record<string, FieldErrorCode>;
  /** correlates a 500 with the server log */
  errorId?: string;
  /** ACCOUNT_LOCKED (and other 429s): seconds until trying again makes sense; also sent as the Retry-After header */
  retryAfterSeconds?: number;
}

export function isErrorEnvelope(value: unknown): value is ErrorEnvelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorEnvelope).code === 'string' &&
    typeof (value as ErrorEnvelope).status === 'number'
  );
}
