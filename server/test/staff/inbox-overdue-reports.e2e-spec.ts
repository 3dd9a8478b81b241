import { DepartmentView, InboxCounts, Page, RequestCategory, RequestSummary } from '@gezhi/shared';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import { DeadlineSweeper } from '../../src/modules/escalation/deadline-sweeper';
import { Street } from '../../src/modules/geo/geo.entities';
import { escalateToCommunity, escalateToStreet, fileRequest } from '../support/factories';
import { MONDAY_9AM } from '../support/instants';
import { ApiClient, bootTestApp, TestApp } from '../support/test-app';

/** Monday 2026-11-23, `minutes` after 09:00 Beijing. */
const at = (minutes: number) => new Date(MONDAY_9AM.getTime() + minutes * 60_000);

/**
 * 已超时 / 即将超时 at the street: the filter shows what the row's colour shows. A whistled item's row turns red
 * when a department misses its report deadline (部门报到时限); the street supervises that clock, so the item must be
 * in the street officer's 已超时 list and its count — and, while the report clock is only yellow, in 即将超时.
 * Real app and database (SQLite by default, MariaDB with TEST_DATABASE_URL); time moves through a ManualClock.
 */
describe('the street inbox’s due filters include the report clocks of whistled departments', () => {
  let t: TestApp;
  let clock: ManualClock;
  let sweeper: DeadlineSweeper;
  let resident1: ApiClient;
  let leader1: ApiClient;
  let community1: ApiClient;
  let street1: ApiClient;
  let property: ApiClient; // liaison9 明日星城物业服务中心
  let propertyId: number;

  beforeAll(async () => {
    clock = new ManualClock(MONDAY_9AM);
    t = await bootTestApp({}, { clock });
    sweeper = t.app.get(DeadlineSweeper);
    [resident1, leader1, community1, street1, property] = await Promise.all(
      ['resident1', 'gridleader1', 'community1', 'street1', 'liaison9'].map((a) => t.loginAs(a)),
    );
    const departments = (await street1.get('/api/departments').expect(200)).body as DepartmentView[];
    propertyId = (departments.find((d) => d.name === '明日星城物业服务中心') as DepartmentView).id;
  });

  afterAll(() => t.close());

  const due = async (client: ApiClient, filter: 'soon' | 'overdue') => (await client.get(`/api/staff/inbox?due=${filter}&pageSize=50`).expect(200)).body as Page<RequestSummary>;
  const counts = async (client: ApiClient) => (await client.get('/api/staff/inbox/counts').expect(200)).body as InboxCounts;
  const rowOf = async (client: ApiClient, id: number) =>
    ((await client.get('/api/staff/inbox?pageSize=50').expect(200)).body as Page<RequestSummary>).items.find((i) => i.id === id);

  it('lists an item in 即将超时 while the department’s report clock is yellow, in 已超时 once it is red, and neither after the report', async () => {
    const filed = await fileRequest(resident1, { category: RequestCategory.Environment, subcategory: 'PARKING', description: '小区巷道夜间乱停车，消防通道被堵。' });
    await escalateToStreet(leader1, community1, filed.id);
    // 吹哨 at 09:00: the department must report in by 11:00 (yellow from 10:30); the street's own RESOLVE runs for days
    const whistled = (await street1.post(`/api/requests/${filed.id}/whistle`, { leadDepartmentId: propertyId, note: '请物业牵头施划禁停线' }).expect(200)).body;
    const assignmentId = (whistled.whistle as { id: number; departmentName: string }[]).find((a) => a.departmentName === '明日星城物业服务中心')?.id;

    // 10:35: the report clock is yellow — the row is yellow, and 即将超时 shows it
    clock.set(at(95));
    await sweeper.sweepOnce();
    expect((await rowOf(street1, filed.id))?.supervision).toBe('YELLOW');
    const soon = await due(street1, 'soon');
    expect(soon.items.map((i) => i.id)).toContain(filed.id);
    expect((await counts(street1)).dueSoon).toBe(soon.total);
    expect((await due(street1, 'overdue')).items.map((i) => i.id)).not.toContain(filed.id);

    // 11:01: the department missed it — the row is red, 已超时 lists it and counts it; 即将超时 no longer does
    clock.set(at(121));
    await sweeper.sweepOnce();
    const row = await rowOf(street1, filed.id);
    expect(row?.supervision).toBe('RED');
    const overdue = await due(street1, 'overdue');
    expect(overdue.items.map((i) => i.id)).toContain(filed.id);
    expect(overdue.items.find((i) => i.id === filed.id)?.supervision).toBe('RED');
    const afterMiss = await counts(street1);
    expect(afterMiss.overdue).toBeGreaterThanOrEqual(1);
    expect(afterMiss.overdue).toBe(overdue.total);
    expect((await due(street1, 'soon')).items.map((i) => i.id)).not.toContain(filed.id);
    expect(afterMiss.dueSoon).toBe((await due(street1, 'soon')).total);
    // every row the filter shows is red: the filter and the colour agree
    expect(overdue.items.every((i) => i.supervision === 'RED')).toBe(true);
    // the item is the street's, not the community's (it is held at the street)
    expect((await due(community1, 'overdue')).items.map((i) => i.id)).not.toContain(filed.id);

    // 11:20: the department reports in (late) — the clock is met, nothing of it is overdue any more
    clock.set(at(140));
    await property.post(`/api/whistles/${assignmentId}/report`, { plan: '本周内施划禁停标线' }).expect(200);
    expect((await due(street1, 'overdue')).items.map((i) => i.id)).not.toContain(filed.id);
    expect((await counts(street1)).overdue).toBe((afterMiss.overdue ?? 0) - 1);
  });

  it('shows a community’s own whistle (where the street allows it) in the community officer’s 已超时, not in the street’s', async () => {
    const streets = t.app.get(DataSource).getRepository(Street);
    for (const street of await streets.find()) await streets.update({ id: street.id }, { communityMayWhistle: true });
    clock.set(MONDAY_9AM);
    const filed = await fileRequest(resident1, { category: RequestCategory.Environment, subcategory: 'PARKING', description: '单元门口电动车乱停，堵住了出入口。' });
    await escalateToCommunity(leader1, filed.id);
    await community1.post(`/api/requests/${filed.id}/whistle`, { leadDepartmentId: propertyId, note: '请物业清理单元门口' }).expect(200);
    clock.set(at(121));
    await sweeper.sweepOnce();
    expect((await rowOf(community1, filed.id))?.supervision).toBe('RED');
    const overdue = await due(community1, 'overdue');
    expect(overdue.items.map((i) => i.id)).toContain(filed.id);
    expect((await counts(community1)).overdue).toBe(overdue.total);
    // the street's inbox holds street-level items only: neither its list nor its filter shows the community's item
    expect(await rowOf(street1, filed.id)).toBeUndefined();
    expect((await due(street1, 'overdue')).items.map((i) => i.id)).not.toContain(filed.id);
  });
});
