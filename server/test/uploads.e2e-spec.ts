import { ErrorCode, LIMITS, UploadedPhoto } from '@gezhi/shared';
import { jpegBytes, pngBytes, textPretendingToBeJpeg } from './support/images';
import { ApiClient, bootTestApp, TestApp } from './support/test-app';

describe('photo uploads', () => {
  let t: TestApp;
  let resident: ApiClient;

  beforeAll(async () => {
    t = await bootTestApp();
    resident = await t.loginAs('resident1');
  });

  afterAll(() => t.close());

  it('stores a PNG and serves it back at its unguessable URL', async () => {
    const bytes = pngBytes({ width: 16, height: 9 });
    const response = await resident.upload(bytes, 'ceiling.png').expect(201);
    const photo = response.body as UploadedPhoto;
    expect(photo).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), url: `/files/${photo.id}`, bytes: bytes.length });

    const file = await t.anonymous.get(photo.url).buffer(true).expect(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(file.body as Buffer, bytes)).toBe(0);
  });

  it('accepts a JPEG, recognised by its content even under a misleading name', async () => {
    const response = await resident.upload(jpegBytes(), 'photo.txt').expect(201);
    const file = await t.anonymous.get(response.body.url).expect(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
  });

  it('refuses an image over 5 MB with 413 UPLOAD_TOO_LARGE', async () => {
    const response = await resident.upload(pngBytes({ padTo: LIMITS.uploadMaxBytes + 1024 }), 'huge.png').expect(413);
    expect(response.body.code).toBe(ErrorCode.UploadTooLarge);
  });

  it('refuses text renamed to .jpg with 415 UPLOAD_NOT_IMAGE', async () => {
    const response = await resident.upload(textPretendingToBeJpeg(), 'photo.jpg').expect(415);
    expect(response.body).toMatchObject({ code: ErrorCode.UploadNotImage, message: '只能上传 JPG、PNG 或 WebP 图片' });
  });

  it('answers 400 UPLOAD_MISSING when no file is sent, or under another field name', async () => {
    expect((await resident.post('/api/uploads', {}).expect(400)).body.code).toBe(ErrorCode.UploadMissing);
    expect((await resident.upload(pngBytes(), 'a.png', 'picture').expect(400)).body.code).toBe(ErrorCode.UploadMissing);
  });

  it('requires a signed-in user to upload', async () => {
    await t.anonymous.upload(pngBytes(), 'a.png').expect(401);
  });

  it('answers 404 for a file id that does not exist', async () => {
    await t.anonymous.get('/files/00000000-0000-4000-8000-000000000000').expect(404);
    await t.anonymous.get('/files/../../etc/passwd').expect(404);
  });
});
