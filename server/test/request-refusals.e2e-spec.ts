import { Channel, ErrorCode, FieldErrorCode, LIMITS, RequestCategory, Urgency } from '@gezhi/shared';
import { fileRequest, requestBody, uploadPhoto } from './support/factories';
import { ApiClient, bootTestApp, TestApp } from './support/test-app';

describe('requests: refusals', () => {
  let t: TestApp;
  let resident1: ApiClient;
  let resident2: ApiClient;
  let leader1: ApiClient;
  let leader2: ApiClient;
  let grid1Request: number;

  beforeAll(async () => {
    t = await bootTestApp();
    [resident1, resident2, leader1, leader2] = await Promise.all(['resident1', 'resident2', 'gridleader1', 'gridleader2'].map((a) => t.loginAs(a)));
    grid1Request = (await fileRequest(resident1)).id;
  });

  afterAll(() => t.close());

  describe('who may see and act', () => {
    it("answers 404 when a resident asks for another resident's request (existence is not disclosed)", async () => {
      const response = await resident2.get(`/api/requests/${grid1Request}`).expect(404);
      expect(response.body).toMatchObject({ code: ErrorCode.RequestNotFound, message: '诉求不存在或您无权查看' });
      expect((await resident2.get('/api/requests/987654').expect(404)).body.code).toBe(ErrorCode.RequestNotFound);
    });

    it("refuses grid 2's leader a grid-1 request with 403 NOT_IN_YOUR_SCOPE", async () => {
      expect((await leader2.post(`/api/requests/${grid1Request}/accept`).expect(403)).body.code).toBe(ErrorCode.NotInYourScope);
      expect((await leader2.get(`/api/requests/${grid1Request}`).expect(403)).body.code).toBe(ErrorCode.NotInYourScope);
    });

    it('lets the community officer oversee a grid request but not act on it at grid level', async () => {
      const officer = await t.loginAs('community1');
      const detail = await officer.get(`/api/requests/${grid1Request}`).expect(200);
      expect(detail.body.availableActions).toEqual([]);
      expect((await officer.post(`/api/requests/${grid1Request}/accept`).expect(403)).body.code).toBe(ErrorCode.Forbidden);
    });

    it('refuses the owner an action of the holder', async () => {
      expect((await resident1.post(`/api/requests/${grid1Request}/accept`).expect(403)).body.code).toBe(ErrorCode.Forbidden);
    });

    it('refuses to resolve a pending request with 409 ILLEGAL_TRANSITION', async () => {
      const response = await leader1.post(`/api/requests/${grid1Request}/resolve`, { note: '已处理' }).expect(409);
      expect(response.body).toMatchObject({ code: ErrorCode.IllegalTransition, message: '当前状态下不能进行此操作' });
    });

    it('refuses a resident the staff inbox with 403 NOT_STAFF', async () => {
      expect((await resident1.get('/api/staff/inbox').expect(403)).body.code).toBe(ErrorCode.NotStaff);
      expect((await resident1.get('/api/staff/inbox/counts').expect(403)).body.code).toBe(ErrorCode.NotStaff);
    });

    it('answers 401 to anyone without a token', async () => {
      expect((await t.anonymous.post('/api/requests', requestBody()).expect(401)).body.code).toBe(ErrorCode.Unauthenticated);
      await t.anonymous.get(`/api/requests/${grid1Request}`).expect(401);
    });

    it('asks a resident without a bound home to bind one first (409 HOME_NOT_BOUND)', async () => {
      const unbound = await t.loginAs('resident4');
      expect((await unbound.post('/api/requests', requestBody()).expect(409)).body.code).toBe(ErrorCode.HomeNotBound);
    });
  });

  describe('input validation, with a code per field', () => {
    const expectFieldErrors = async (body: object, errors: Record<string, FieldErrorCode>) => {
      const response = await resident1.post('/api/requests', body).expect(400);
      expect(response.body).toMatchObject({ status: 400, code: ErrorCode.ValidationFailed, errors });
    };

    it('requires a description, also when it is only spaces', async () => {
      const { description: _omitted, ...withoutDescription } = requestBody();
      await expectFieldErrors(withoutDescription, { description: FieldErrorCode.Required });
      await expectFieldErrors(requestBody({ description: '      ' }), { description: FieldErrorCode.Required });
    });

    it('limits the description to 5..1000 characters', async () => {
      await expectFieldErrors(requestBody({ description: '漏'.repeat(LIMITS.descriptionMax + 1) }), { description: FieldErrorCode.TooLong });
      await expectFieldErrors(requestBody({ description: '漏水了' }), { description: FieldErrorCode.TooShort });
    });

    it('refuses an unknown category, urgency or a sub-category of another category', async () => {
      await expectFieldErrors(requestBody({ category: 'WEATHER' as RequestCategory }), { category: FieldErrorCode.InvalidEnum });
      await expectFieldErrors(requestBody({ urgency: 'PANIC' as Urgency }), { urgency: FieldErrorCode.InvalidEnum });
      await expectFieldErrors(requestBody({ category: RequestCategory.Environment, subcategory: 'LEAK' }), {
        subcategory: FieldErrorCode.InvalidSubcategory,
      });
    });

    it('refuses more than 9 photos', async () => {
      const ids = Array.from({ length: 10 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`);
      await expectFieldErrors(requestBody({ photoIds: ids }), { photoIds: FieldErrorCode.TooMany });
    });

    it('refuses fields it does not know', async () => {
      await expectFieldErrors({ ...requestBody(), status: 'CLOSED' }, { status: FieldErrorCode.UnknownField });
    });

    it('refuses staff-only fields from a resident as unknown fields', async () => {
      await expectFieldErrors(requestBody({ roomId: 1, channel: Channel.Phone }), {
        roomId: FieldErrorCode.UnknownField,
        channel: FieldErrorCode.UnknownField,
      });
    });

    it("refuses a photo uploaded by someone else, or one that does not exist, with 404 PHOTO_NOT_FOUND", async () => {
      const othersPhoto = await uploadPhoto(resident2);
      expect((await resident1.post('/api/requests', requestBody({ photoIds: [othersPhoto] })).expect(404)).body.code).toBe(ErrorCode.PhotoNotFound);
      const missing = '00000000-0000-4000-8000-000000000000';
      expect((await resident1.post('/api/requests', requestBody({ photoIds: [missing] })).expect(404)).body.code).toBe(ErrorCode.PhotoNotFound);
    });

    it('refuses a rating outside 1..5', async () => {
      const response = await resident1.post(`/api/requests/${grid1Request}/rate`, { speed: 6, effect: 0, attitude: 3.5 }).expect(400);
      expect(response.body.errors).toEqual({
        speed: FieldErrorCode.OutOfRange,
        effect: FieldErrorCode.OutOfRange,
        attitude: FieldErrorCode.InvalidFormat,
      });
    });
  });
});
