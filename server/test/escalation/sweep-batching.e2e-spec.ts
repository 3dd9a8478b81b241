import { DeadlineKind, HandlingLevel } from '@gezhi/shared';
import { DataSource, In } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import { DeadlineMissEntity, RequestDeadlineEntity } from '../../src/modules/deadlines/deadline.entities';
import { DeadlineSweeper } from '../../src/modules/escalation/deadline-sweeper';
import { fileRequest } from '../support/factories';
import { MONDAY_9AM } from '../support/instants';
import { bootTestApp, TestApp } from '../support/test-app';

const days = (n: number) => n * 24 * 60 * 60_000;

/**
 * A request's accept and resolve clocks both overdue, and each in its own sweep batch (batch size 1): the batch
 * that escalates the request must not swallow the other clock's miss. Before the fix, escalating on the accept
 * miss closed the resolve clock as ESCALATED before its batch claimed it — one miss for two missed clocks.
 */
describe('the deadline sweep records exactly one miss per missed clock, whatever the batching', () => {
  let t: TestApp;
  let clock: ManualClock;

  beforeAll(async () => {
    clock = new ManualClock(MONDAY_9AM);
    t = await bootTestApp({ SWEEP_BATCH_SIZE: '1', SWEEP_CONCURRENCY: '2' }, { clock });
  });

  afterAll(() => t.close());

  it('gives both overdue clocks of each request a miss row when they fall into different batches', async () => {
    const resident = await t.loginAs('resident1');
    const filed = [];
    for (let i = 0; i < 4; i++) filed.push(await fileRequest(resident, { description: `楼道灯坏了，第${i + 1}次反映` }));
    const ids = filed.map((r) => r.id);
    const dataSource = t.app.get(DataSource);
    const clocks = await dataSource.getRepository(RequestDeadlineEntity).find({ where: { requestId: In(ids) } });
    expect(clocks.map((c) => c.kind).sort()).toEqual([...Array(4).fill(DeadlineKind.Accept), ...Array(4).fill(DeadlineKind.Resolve)].sort());

    // long after both the grid's accept and resolve due times
    const latestDue = Math.max(...clocks.map((c) => c.dueAt.getTime()));
    clock.set(new Date(latestDue + days(1)));
    await t.app.get(DeadlineSweeper).sweepOnce();

    const misses = await dataSource.getRepository(DeadlineMissEntity).find({ where: { requestId: In(ids) } });
    const perClock = new Map<number, number>();
    for (const miss of misses) perClock.set(miss.deadlineId, (perClock.get(miss.deadlineId) ?? 0) + 1);
    expect(clocks.map((c) => [c.id, perClock.get(c.id) ?? 0])).toEqual(clocks.map((c) => [c.id, 1]));
    expect(misses.filter((m) => m.level === HandlingLevel.Grid)).toHaveLength(8);
  });
});
