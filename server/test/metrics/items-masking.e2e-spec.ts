import { MetricsItemsPage, Page, RequestCategory, RequestDetail, RequestSummary } from '@gezhi/shared';
import { ManualClock } from '../../src/common/clock';
import { fileRequest } from '../support/factories';
import { WEEKDAY_MORNING } from '../support/instants';
import { ApiClient, bootTestApp, TestApp } from '../support/test-app';

/** the demo residents' full names and phones: none of them may appear in a list shown to someone else */
const DEMO_RESIDENTS = [
  { name: '张芬', phone: '13604711234' },
  { name: '宋美素', phone: '13604712345' },
  { name: '程云英', phone: '13604713456' },
  { name: '刘桂兰', phone: '13704715678' },
];

function expectNoResidentIn(json: string): void {
  for (const { name, phone } of DEMO_RESIDENTS) {
    expect(json).not.toContain(name);
    expect(json).not.toContain(phone);
  }
}

/**
 * Issue 9, defect 5: GET /api/metrics/items showed 宋美素 in full when she had allowed her name on the board, although
 * the board and the monthly report show 宋**. One masking rule (shared/privacy.ts) for every list that shows a person
 * to someone else; only the reporter sees their own name in full.
 */
describe('one masking rule for people in lists (issue 9)', () => {
  let t: TestApp;
  const clock = new ManualClock(WEEKDAY_MORNING);
  let resident2: ApiClient;
  let leader2: ApiClient;
  let community1: ApiClient;
  let street1: ApiClient;
  let filed: RequestDetail;

  beforeAll(async () => {
    t = await bootTestApp({}, { clock });
    [resident2, leader2, community1, street1] = await Promise.all(['resident2', 'gridleader2', 'community1', 'street1'].map((a) => t.loginAs(a)));
    // she allows her name on the board, and writes her name and phone into the text as residents do
    filed = await fileRequest(resident2, {
      category: RequestCategory.Environment,
      subcategory: 'CLUTTER',
      description: '我是宋美素，电话13604712345，楼道里堆满了纸箱，请尽快清理。',
      showNamePublicly: true,
    });
  });

  afterAll(() => t.close());

  it('masks the reporter and anonymises the excerpt in the items behind a number', async () => {
    for (const client of [street1, community1, leader2]) {
      const page = (await client.get('/api/metrics/items?month=2026-12&count=received&pageSize=50').expect(200)).body as MetricsItemsPage;
      const item = page.items.find((i) => i.requestId === filed.id);
      expect(item).toMatchObject({ reporterName: '宋**' });
      expect(item?.excerpt).toContain('楼道里堆满了纸箱');
      expectNoResidentIn(JSON.stringify(page));
    }
  });

  it('masks the reporter in the staff inboxes of the grid, the community and the street, whatever showNamePublicly says', async () => {
    for (const client of [leader2, community1, street1]) {
      const inbox = (await client.get('/api/staff/inbox?pageSize=50').expect(200)).body as Page<RequestSummary>;
      const own = inbox.items.find((i) => i.id === filed.id);
      if (client === leader2) expect(own?.reporterName).toBe('宋**');
      // the excerpt is what the resident wrote, for the staff who handle it; every field that names a person is masked
      expectNoResidentIn(JSON.stringify(inbox.items.map(({ excerpt: _excerpt, ...rest }) => rest)));
      for (const item of inbox.items) expect(item.reporterName).toMatch(/^.\*+$/u);
    }
  });

  it('masks the reporter in the staff detail and its timeline; the reporter sees her own name', async () => {
    const seen = (await leader2.get(`/api/requests/${filed.id}`).expect(200)).body as RequestDetail;
    expect(seen).toMatchObject({ reporterName: '宋**', contactPhoneMasked: '136****2345' });
    expect(seen.timeline[0].actorName).toBe('宋**');
    const own = (await resident2.get(`/api/requests/${filed.id}`).expect(200)).body as RequestDetail;
    expect(own).toMatchObject({ reporterName: '宋美素', contactPhoneMasked: null });
  });
});
