/** Validation limits shared by the server's DTOs and the mini-program's forms. */
export const LIMITS = {
  descriptionMin: 5,
  descriptionMax: 1000,
  photosPerRequest: 9,
  photosPerNote: 9,
  noteMax: 500,
  /** 公示: the public summary a handler approves when resolving */
  publicSummaryMax: 300,
  reasonMin: 2,
  reasonMax: 200,
  commentMax: 300,
  ratingMin: 1,
  ratingMax: 5,
  /** bytes, after client-side compression */
  uploadMaxBytes: 5 * 1024 * 1024,
  uploadMimeTypes: ['image/jpeg', 'image/png', 'image/webp'] as readonly string[],
  pageSizeDefault: 20,
  pageSizeMax: 50,
  contactNameMax: 20,
  nicknameMax: 30,
  /** staff/liaison passwords (PUT /api/me/password) */
  passwordMin: 10,
  passwordMax: 128,
  /** template ids per wx.requestSubscribeMessage prompt */
  subscribeTemplatesPerPrompt: 3,
  /** JSON bodies: objects/arrays nested deeper than this are refused at parsing (400 BODY_TOO_DEEP) */
  jsonMaxDepth: 32,
  /** JSON bodies: bytes (413 PAYLOAD_TOO_LARGE); the largest real body is a 1,000-character description */
  jsonMaxBytes: 64 * 1024,
  /** a path parameter longer than this is refused before routing (400 VALIDATION_FAILED, the URL not echoed) */
  pathParamMaxLength: 100,
  /** ids in paths and queries: digits only, 1 … 2^31 − 1 (the INT columns) */
  idMax: 2147483647,
} as const;
