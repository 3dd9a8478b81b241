import { ErrorCode, LIMITS, RequestCategory, RequestDetail, UploadedPhoto, WhistleProposal } from '@gezhi/shared';
import sharp from 'sharp';
import { ManualClock } from '../src/common/clock';
import { escalateToStreet, fileRequest } from './support/factories';
import { jpegBytes, pngBytes, textPretendingToBeJpeg } from './support/images';
import { WEEKDAY_MORNING } from './support/instants';
import { ApiClient, bootTestApp, TestApp } from './support/test-app';

const PHOTO_URL = /^\/files\/[0-9a-f-]{36}\?exp=[0-9]+&sig=[A-Za-z0-9_-]+$/;
const TTL_SECONDS = 3600;

/** A JPEG as a phone takes it: EXIF with the GPS position of the home and the phone's model. */
async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 140, b: 200 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'GezhiPhone', Model: 'Home Camera' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '40/1 49/1 1234/100', GPSLongitudeRef: 'E', GPSLongitude: '111/1 39/1 5678/100' },
    })
    .toBuffer();
}

async function realPng(): Promise<Buffer> {
  return sharp({ create: { width: 32, height: 24, channels: 3, background: { r: 200, g: 60, b: 40 } } }).png().toBuffer();
}

describe('photo uploads', () => {
  let t: TestApp;
  let clock: ManualClock;
  let resident: ApiClient;
  let neighbour: ApiClient;

  beforeAll(async () => {
    clock = new ManualClock(WEEKDAY_MORNING);
    t = await bootTestApp({ PHOTO_URL_TTL_SECONDS: String(TTL_SECONDS) }, { clock });
    [resident, neighbour] = await Promise.all([t.loginAs('resident1'), t.loginAs('resident2')]);
  });

  afterAll(() => t.close());

  it('stores a PNG re-encoded and serves it back at the signed URL it answered with', async () => {
    const bytes = pngBytes({ width: 16, height: 9 });
    const response = await resident.upload(bytes, 'ceiling.png').expect(201);
    const photo = response.body as UploadedPhoto;
    expect(photo).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), url: expect.stringMatching(PHOTO_URL), bytes: expect.any(Number) });
    expect(photo.url.startsWith(`/files/${photo.id}?`)).toBe(true);

    const file = await t.anonymous.get(photo.url).buffer(true).expect(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect((file.body as Buffer).length).toBe(photo.bytes);
    expect(await sharp(file.body as Buffer).metadata()).toMatchObject({ format: 'png', width: 16, height: 9 });
  });

  it('accepts a JPEG, recognised by its content even under a misleading name', async () => {
    const response = await resident.upload(jpegBytes(), 'photo.txt').expect(201);
    const file = await t.anonymous.get(response.body.url).expect(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
  });

  it('drops the EXIF of a JPEG (GPS of the home, the phone model): nothing but the pixels is kept', async () => {
    const original = await jpegWithGps();
    const before = await sharp(original).metadata();
    expect(before.exif?.length).toBeGreaterThan(0);
    expect(original.includes(Buffer.from('GezhiPhone'))).toBe(true);

    const photo = (await resident.upload(original, 'IMG_0001.jpg').expect(201)).body as UploadedPhoto;
    const stored = (await resident.get(photo.url).buffer(true).expect(200)).body as Buffer;
    const after = await sharp(stored).metadata();
    expect(after).toMatchObject({ format: 'jpeg', width: 64, height: 48 });
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(stored.includes(Buffer.from('GezhiPhone'))).toBe(false);
  });

  it('re-encodes a PNG+HTML polyglot: the HTML is gone, the picture stays', async () => {
    const html = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>');
    const polyglot = Buffer.concat([await realPng(), html]);
    const photo = (await resident.upload(polyglot, 'x.png').expect(201)).body as UploadedPhoto;
    const stored = (await resident.get(photo.url).buffer(true).expect(200)).body as Buffer;
    expect(stored.includes(Buffer.from('<html'))).toBe(false);
    expect(stored.includes(Buffer.from('<script'))).toBe(false);
    expect(await sharp(stored).metadata()).toMatchObject({ format: 'png', width: 32, height: 24 });
  });

  it('re-encodes a JPEG+PHP polyglot (PHP in a comment segment and after the image)', async () => {
    const php = Buffer.from("<?php system($_GET['c']); ?>");
    const jpeg = await sharp({ create: { width: 20, height: 20, channels: 3, background: { r: 1, g: 2, b: 3 } } }).jpeg().toBuffer();
    const comment = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, php.length + 2]), php]);
    const polyglot = Buffer.concat([jpeg.subarray(0, 2), comment, jpeg.subarray(2), php]);
    expect(await sharp(polyglot).metadata()).toMatchObject({ format: 'jpeg' });

    const photo = (await resident.upload(polyglot, 'shell.php.jpg').expect(201)).body as UploadedPhoto;
    const stored = (await resident.get(photo.url).buffer(true).expect(200)).body as Buffer;
    expect(stored.includes(Buffer.from('<?php'))).toBe(false);
  });

  it('bounds the longer side of a large photo', async () => {
    const big = await sharp({ create: { width: 4000, height: 1000, channels: 3, background: { r: 9, g: 9, b: 9 } } }).png().toBuffer();
    const photo = (await resident.upload(big, 'wide.png').expect(201)).body as UploadedPhoto;
    const stored = (await resident.get(photo.url).buffer(true).expect(200)).body as Buffer;
    expect(await sharp(stored).metadata()).toMatchObject({ width: 2560, height: 640 });
  });

  it('refuses an image over 5 MB with 413 UPLOAD_TOO_LARGE', async () => {
    const response = await resident.upload(pngBytes({ padTo: LIMITS.uploadMaxBytes + 1024 }), 'huge.png').expect(413);
    expect(response.body.code).toBe(ErrorCode.UploadTooLarge);
  });

  it('refuses text renamed to .jpg with 415 UPLOAD_NOT_IMAGE', async () => {
    const response = await resident.upload(textPretendingToBeJpeg(), 'photo.jpg').expect(415);
    expect(response.body).toMatchObject({ code: ErrorCode.UploadNotImage, message: '只能上传 JPG、PNG 或 WebP 图片' });
  });

  it('refuses with 415 a file that starts like a PNG but does not decode', async () => {
    const broken = Buffer.concat([pngBytes().subarray(0, 16), Buffer.from('<html>not a picture</html>')]);
    expect((await resident.upload(broken, 'a.png').expect(415)).body.code).toBe(ErrorCode.UploadNotImage);
  });

  it('answers 400 UPLOAD_MISSING when no file is sent, or under another field name', async () => {
    expect((await resident.post('/api/uploads', {}).expect(400)).body.code).toBe(ErrorCode.UploadMissing);
    expect((await resident.upload(pngBytes(), 'a.png', 'picture').expect(400)).body.code).toBe(ErrorCode.UploadMissing);
  });

  it('requires a signed-in user to upload', async () => {
    await t.anonymous.upload(pngBytes(), 'a.png').expect(401);
  });

  it('answers 403 for a bare id without a signature, and 404 for a path that is no photo id', async () => {
    await t.anonymous.get('/files/00000000-0000-4000-8000-000000000000').expect(403);
    await t.anonymous.get('/files/../../etc/passwd').expect(404);
  });

  describe('who may see a photo', () => {
    let filed: RequestDetail;
    let photoId: string;

    beforeAll(async () => {
      photoId = ((await resident.upload(await jpegWithGps(), 'leak.jpg').expect(201)).body as UploadedPhoto).id;
      filed = await fileRequest(resident, { photoIds: [photoId] });
    });

    it('the reporter gets it through the item; an outsider with only the id gets 403, and not the item (404)', async () => {
      const seen = (await resident.get(`/api/requests/${filed.id}`).expect(200)).body as RequestDetail;
      expect(seen.photos[0].url).toMatch(PHOTO_URL);
      await resident.get(seen.photos[0].url).expect(200);

      await neighbour.get(`/api/requests/${filed.id}`).expect(404);
      const refused = await neighbour.get(`/files/${photoId}`).expect(403);
      expect(refused.body).toMatchObject({ code: ErrorCode.PhotoUrlInvalid, message: '图片链接无效或您无权查看' });
      await t.anonymous.get(`/files/${photoId}`).expect(403);
    });

    it('refuses a forged signature, and a signature moved to another photo', async () => {
      const url = ((await resident.get(`/api/requests/${filed.id}`).expect(200)).body as RequestDetail).photos[0].url;
      const query = url.split('?')[1];
      expect((await t.anonymous.get(`/files/${photoId}?${query.replace(/sig=[^&]+/, 'sig=AAAAAAAAAAAAAAAAAAAAAA')}`).expect(403)).body.code).toBe(
        ErrorCode.PhotoUrlInvalid,
      );
      const other = ((await resident.upload(await realPng(), 'b.png').expect(201)).body as UploadedPhoto).id;
      expect((await t.anonymous.get(`/files/${other}?${query}`).expect(403)).body.code).toBe(ErrorCode.PhotoUrlInvalid);
    });

    it('liaisons see the photos of an item whistled to their department, and no other department does', async () => {
      const [leader1, community1, street1, cityManagement, police] = await Promise.all(
        ['gridleader1', 'community1', 'street1', 'liaison3', 'liaison1'].map((a) => t.loginAs(a)),
      );
      const photo = ((await resident.upload(await realPng(), 'car.png').expect(201)).body as UploadedPhoto).id;
      const parked = await fileRequest(resident, { category: RequestCategory.Environment, subcategory: 'PARKING', photoIds: [photo] });
      await escalateToStreet(leader1, community1, parked.id);
      const proposal = (await street1.get(`/api/requests/${parked.id}/whistle-proposal`).expect(200)).body as WhistleProposal;
      await street1.post(`/api/requests/${parked.id}/whistle`, { leadDepartmentId: proposal.lead!.id, assistDepartmentIds: [], note: '请城管处理' }).expect(200);

      const seen = (await cityManagement.get(`/api/requests/${parked.id}`).expect(200)).body as RequestDetail;
      expect(seen.photos[0].url).toMatch(PHOTO_URL);
      await cityManagement.get(seen.photos[0].url).expect(200);
      expect((await police.get(`/api/requests/${parked.id}`).expect(403)).body.code).toBe(ErrorCode.NotWhistledToYourDepartment);
      expect((await police.get(`/files/${photo}`).expect(403)).body.code).toBe(ErrorCode.PhotoUrlInvalid);
    });

    it('refuses an expired signed URL with 403 PHOTO_URL_EXPIRED; the item then hands out a fresh one', async () => {
      const url = ((await resident.get(`/api/requests/${filed.id}`).expect(200)).body as RequestDetail).photos[0].url;
      const fetched = await t.anonymous.get(url).expect(200);
      expect(fetched.headers['cache-control']).toMatch(/^private, max-age=\d+/);

      clock.advance(2 * TTL_SECONDS * 1000 + 1000);
      const expired = await t.anonymous.get(url).expect(403);
      expect(expired.body).toMatchObject({ code: ErrorCode.PhotoUrlExpired, message: '图片链接已过期，请刷新页面' });

      const fresh = ((await resident.get(`/api/requests/${filed.id}`).expect(200)).body as RequestDetail).photos[0].url;
      expect(fresh).not.toBe(url);
      await resident.get(fresh).expect(200);
    });
  });
});
