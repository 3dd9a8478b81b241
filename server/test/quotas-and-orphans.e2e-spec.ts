import { Channel, ErrorCode, UploadedPhoto } from '@gezhi/shared';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { ManualClock } from '../src/common/clock';
import { Photo } from '../src/modules/uploads/photo.entity';
import { OrphanUploadSweeper } from '../src/modules/uploads/orphan-upload-sweeper';
import { RateCounters } from '../src/modules/rate-limits/rate-counters';
import { requestBody } from './support/factories';
import { pngBytes } from './support/images';
import { atBeijing } from './support/instants';
import { ApiClient, bootTestApp, TestApp } from './support/test-app';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('per-user quotas on filing and uploads', () => {
  let t: TestApp;
  let clock: ManualClock;

  beforeAll(async () => {
    clock = new ManualClock(atBeijing('2026-12-07 10:00'));
    t = await bootTestApp({ FILING_QUOTA_PER_HOUR: '3', FILING_QUOTA_PER_DAY: '5', UPLOAD_QUOTA_PER_HOUR: '4' }, { clock });
  });

  afterAll(() => t.close());

  it('refuses a resident’s filings past the hourly quota with 429 RATE_LIMITED, and accepts again the next hour', async () => {
    const resident = await t.loginAs('resident1');
    for (let i = 0; i < 3; i++) {
      const filed = await resident.post('/api/requests', requestBody());
      expect(filed.status).toBe(201);
    }
    const refused = await resident.post('/api/requests', requestBody()).expect(429);
    expect(refused.body).toMatchObject({ status: 429, code: ErrorCode.RateLimited });
    expect(refused.body.message).toBe('提交诉求过于频繁，请于 60 分钟后重试');
    expect(refused.headers['retry-after']).toBe('3600');
    // the quota is the resident's own: a neighbour still files
    await (await t.loginAs('resident2')).post('/api/requests', requestBody()).expect(201);

    clock.advance(HOUR);
    await resident.post('/api/requests', requestBody()).expect(201);
    await resident.post('/api/requests', requestBody()).expect(201);
    const daily = await resident.post('/api/requests', requestBody()).expect(429);
    expect(daily.body.message).toMatch(/^今日提交的诉求已达上限，请于 \d+ (分钟|小时)后重试$/);
  });

  it('does not count staff filing on a resident’s behalf', async () => {
    const leader = await t.loginAs('gridleader1');
    const resident = await t.loginAs('resident1');
    const roomId = resident.me!.home!.roomId;
    for (let i = 0; i < 6; i++) {
      await leader.post('/api/requests', requestBody({ roomId, channel: Channel.Phone, contactName: '张先生', contactPhone: '13800001111' })).expect(201);
    }
  });

  it('refuses uploads past the hourly quota before reading the photo', async () => {
    const resident = await t.loginAs('resident3');
    for (let i = 0; i < 4; i++) await resident.upload(pngBytes(), 'p.png').expect(201);
    const refused = await resident.upload(pngBytes(), 'p.png').expect(429);
    expect(refused.body).toMatchObject({ code: ErrorCode.RateLimited });
    expect(refused.body.message).toMatch(/^上传照片过于频繁，请于 \d+ 分钟后重试$/);
    expect(Number(refused.headers['retry-after'])).toBe(refused.body.retryAfterSeconds);
  });
});

describe('rate counters shared by instances', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootTestApp({}, { clock: new ManualClock(atBeijing('2026-12-07 10:00')) });
  });

  afterAll(() => t.close());

  it('allows exactly the limit of 40 concurrent hits from two instances, and one more after a refund', async () => {
    const { createApp } = await import('../src/app.factory');
    const second = await createApp(t.config, { logger: ['error'] });
    await second.init();
    try {
      const now = atBeijing('2026-12-07 10:00');
      const rule = { limit: 15, windowMs: HOUR };
      const counters = [t.app.get(RateCounters), second.get(RateCounters)];
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) => counters[i % 2].consume('burst:1', rule, now)));
      expect(results.filter((r) => r.allowed)).toHaveLength(15);
      expect((await counters[0].consume('burst:1', rule, now)).allowed).toBe(false);
      await counters[1].refund('burst:1', rule, now);
      expect((await counters[0].consume('burst:1', rule, now)).allowed).toBe(true);
    } finally {
      await second.close();
    }
  });
});

describe('orphan uploads', () => {
  let t: TestApp;
  let clock: ManualClock;

  beforeAll(async () => {
    clock = new ManualClock(atBeijing('2026-12-07 10:00'));
    t = await bootTestApp({}, { clock });
  });

  afterAll(() => t.close());

  const fileOf = (id: string) => path.join(t.config.uploadDir, id.slice(0, 2), id);

  it('deletes photos never attached once a day old — exactly once with two instances sweeping at once — and keeps attached ones', async () => {
    const resident: ApiClient = await t.loginAs('resident1');
    const orphans: UploadedPhoto[] = [];
    for (let i = 0; i < 6; i++) orphans.push((await resident.upload(pngBytes({ rgb: [i * 20, 10, 10] }), 'o.png').expect(201)).body);
    const attached = (await resident.upload(pngBytes({ rgb: [1, 2, 3] }), 'a.png').expect(201)).body as UploadedPhoto;
    await resident.post('/api/requests', requestBody({ photoIds: [attached.id] })).expect(201);
    clock.advance(23 * HOUR);
    const young = (await resident.upload(pngBytes({ rgb: [9, 9, 9] }), 'y.png').expect(201)).body as UploadedPhoto;
    clock.advance(HOUR + MINUTE);

    const { createApp } = await import('../src/app.factory');
    const second = await createApp(t.config, { logger: ['error'], clock });
    await second.init();
    try {
      const [one, two] = await Promise.all([t.app.get(OrphanUploadSweeper).sweepOnce(), second.get(OrphanUploadSweeper).sweepOnce()]);
      expect(one.deleted + two.deleted).toBe(6);
      const again = await t.app.get(OrphanUploadSweeper).sweepOnce();
      expect(again.deleted).toBe(0);
    } finally {
      await second.close();
    }

    const photos = t.app.get(DataSource).getRepository(Photo);
    const left = (await photos.find()).map((p) => p.id).sort();
    expect(left).toEqual([attached.id, young.id].sort());
    for (const orphan of orphans) expect(fs.existsSync(fileOf(orphan.id))).toBe(false);
    expect(fs.existsSync(fileOf(attached.id))).toBe(true);
  });

  it('cannot attach a photo the sweep deleted (404 PHOTO_NOT_FOUND)', async () => {
    const resident = await t.loginAs('resident2');
    const photo = (await resident.upload(pngBytes(), 'late.png').expect(201)).body as UploadedPhoto;
    clock.advance(25 * HOUR);
    await t.app.get(OrphanUploadSweeper).sweepOnce();
    const response = await resident.post('/api/requests', requestBody({ photoIds: [photo.id] })).expect(404);
    expect(response.body.code).toBe(ErrorCode.PhotoNotFound);
  });
});
