/** Validation limits shared by the server's DTOs and the mini-program's forms. */
export const LIMITS = {
  descriptionMin: 5,
  descriptionMax: 1000,
  photosPerRequest: 9,
  photosPerNote: 9,
  noteMax: 500,
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
} as const;
