import { ErrorCode, MetricsView, RequestCategory, RequestDetail, SHANGHAI_OFFSET_MS, shanghaiMonthOf } from '@gezhi/shared';
import { Workbook, Worksheet } from 'exceljs';
import type { Response } from 'supertest';
import { fileRequest } from '../support/factories';
import { ApiClient, bootTestApp, TestApp } from '../support/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const OFFSET_MS = SHANGHAI_OFFSET_MS;

/** supertest: keep the body as raw bytes. */
function binary(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

async function download(client: ApiClient, query: string): Promise<{ response: Response; workbook: Workbook }> {
  const response = await client.get(`/api/metrics/report.xlsx${query}`).buffer(true).parse(binary).expect(200);
  const workbook = new Workbook();
  await workbook.xlsx.load(response.body as Parameters<Workbook['xlsx']['load']>[0]);
  return { response, workbook };
}

/** The row of a scope sheet whose first cell is `label`. */
function rowOf(sheet: Worksheet, label: string) {
  for (let i = 1; i <= sheet.rowCount; i++) if (sheet.getRow(i).getCell(1).value === label) return sheet.getRow(i);
  throw new Error(`no row ${label} in ${sheet.name}`);
}

describe('月报: the monthly Excel report', () => {
  let t: TestApp;
  let resident2: ApiClient;
  let leader2: ApiClient;
  let community1: ApiClient;
  let street1: ApiClient;
  let leak: RequestDetail;
  let month: string;

  beforeAll(async () => {
    t = await bootTestApp();
    [resident2, leader2, community1, street1] = await Promise.all(['resident2', 'gridleader2', 'community1', 'street1'].map((a) => t.loginAs(a)));
    leak = await fileRequest(resident2, {
      category: RequestCategory.Infrastructure,
      subcategory: 'LEAK',
      description: '我是3号楼1单元502的宋美素，电话13604712345，卫生间吊顶渗水。',
    });
    await leader2.post(`/api/requests/${leak.id}/accept`).expect(200);
    await leader2.post(`/api/requests/${leak.id}/resolve`, { note: '已协调楼上住户修好防水层。' }).expect(200);
    await resident2.post(`/api/requests/${leak.id}/rate`, { speed: 5, effect: 5, attitude: 4 }).expect(200);
    month = shanghaiMonthOf(Date.now());
  });

  afterAll(() => t.close());

  it('downloads as an .xlsx with a Chinese filename (RFC 5987)', async () => {
    const { response } = await download(street1, `?month=${month}`);
    expect(response.headers['content-type']).toBe(XLSX);
    const filename = `团结街道-${month.slice(0, 4)}年${Number(month.slice(5))}月-数据月报.xlsx`;
    expect(response.headers['content-disposition']).toBe(`attachment; filename="gezhi-report-${month}.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`);
    expect(Number(response.headers['content-length'])).toBe((response.body as Buffer).length);
  });

  it('has one sheet per scope (street, communities, grids, departments) and the item list, named in Chinese', async () => {
    const { workbook } = await download(street1, `?month=${month}`);
    const names = workbook.worksheets.map((s) => s.name);
    expect(names[0]).toBe('团结街道');
    expect(names.slice(1, 3)).toEqual(['明日星城社区', '东篱社区']);
    expect(names).toContain('明日星城社区·第一网格');
    expect(names).toContain('东篱社区·第四网格');
    expect(names).toContain('明日星城社区·第四网格');
    expect(names).toContain('团结派出所');
    expect(names.at(-1)).toBe('诉求明细');
    expect(names).toHaveLength(1 + 2 + 9 + 10 + 1);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names.every((n) => Array.from(n).length <= 31)).toBe(true);
  });

  it('writes the same numbers as GET /api/metrics: integers, rates as percentages, dates as dates', async () => {
    const { workbook } = await download(street1, `?month=${month}`);
    const view = (await street1.get(`/api/metrics?month=${month}`).expect(200)).body as MetricsView;
    const sheet = workbook.getWorksheet('团结街道') as Worksheet;

    // header: bold, frozen, widths
    expect(sheet.getRow(1).values).toEqual([undefined, '指标', '数值', '分子', '分母', '说明']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).width).toBe(24);
    expect(sheet.getColumn(5).width).toBe(60);

    expect(rowOf(sheet, '统计单位').getCell(2).value).toBe('团结街道');
    const first = rowOf(sheet, '统计起始日').getCell(2);
    expect(first.value).toEqual(new Date(`${month}-01T00:00:00.000Z`));
    expect(first.numFmt).toBe('yyyy-mm-dd');
    const asOf = rowOf(sheet, '数据时间').getCell(2);
    expect(asOf.value).toBeInstanceOf(Date);
    expect(Math.abs((asOf.value as Date).getTime() - (Date.parse(view.asOf) + OFFSET_MS))).toBeLessThan(60_000);
    expect(asOf.numFmt).toBe('yyyy-mm-dd hh:mm');

    const received = rowOf(sheet, '受理量').getCell(2);
    expect(received.value).toBe(view.requests?.counts.received);
    expect(Number.isInteger(received.value)).toBe(true);
    expect(received.numFmt).toBe('0');

    const satisfaction = rowOf(sheet, '满意率');
    expect(satisfaction.getCell(2).value).toBe(view.requests?.rates.satisfaction.value);
    expect(typeof satisfaction.getCell(2).value).toBe('number');
    expect(satisfaction.getCell(2).numFmt).toBe('0.0%');
    expect(satisfaction.getCell(3).value).toBe(view.requests?.rates.satisfaction.numerator);
    expect(satisfaction.getCell(4).value).toBe(view.requests?.rates.satisfaction.denominator);
    expect(String(satisfaction.getCell(5).value)).toContain('三项均不低于 4 分');

    expect(rowOf(sheet, '部门·按时报到率').getCell(2).numFmt).toBe('0.0%');
    expect(rowOf(sheet, '新立项目').getCell(2).value).toBe(view.projects?.opened);

    const grid2 = workbook.getWorksheet('明日星城社区·第二网格') as Worksheet;
    expect(rowOf(grid2, '受理量').getCell(2).value).toBeGreaterThanOrEqual(1);
    expect(rowOf(grid2, '统计单位').getCell(2).value).toBe('第二网格');
  });

  it('lists the month’s items with masked personal data, real dates and hours', async () => {
    const { workbook } = await download(street1, `?month=${month}`);
    const sheet = workbook.getWorksheet('诉求明细') as Worksheet;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '编号',
      '类别',
      '子类',
      '社区',
      '网格',
      '楼栋',
      '来源',
      '紧急程度',
      '状态',
      '办理层级',
      '提交时间',
      '办结时间',
      '用时(小时)',
      '办理速度',
      '解决效果',
      '服务态度',
      '评价',
      '重办次数',
      '反映人',
      '诉求摘要',
    ]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    let row = null;
    for (let i = 2; i <= sheet.rowCount; i++) if (sheet.getRow(i).getCell(1).value === leak.serial) row = sheet.getRow(i);
    expect(row).not.toBeNull();
    const cell = (n: number) => row!.getCell(n);
    expect([cell(2).value, cell(3).value, cell(4).value, cell(5).value, cell(6).value, cell(7).value, cell(9).value]).toEqual([
      '基础设施维修',
      '漏水渗水',
      '明日星城社区',
      '第二网格',
      '3号楼',
      '小程序',
      '已办结',
    ]);
    expect(cell(11).value).toBeInstanceOf(Date);
    expect(Math.abs((cell(11).value as Date).getTime() - (Date.parse(leak.createdAt) + OFFSET_MS))).toBeLessThan(1000);
    expect(cell(11).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(cell(12).value).toBeInstanceOf(Date);
    expect(typeof cell(13).value).toBe('number');
    expect(cell(13).numFmt).toBe('0.0');
    expect([cell(14).value, cell(15).value, cell(16).value, cell(17).value]).toEqual([5, 5, 4, '满意']);
    expect(cell(14).numFmt).toBe('0');
    expect(cell(19).value).toBe('宋**');
    expect(cell(20).value).toBe('我是3号楼的某某，电话[电话已隐去]，卫生间吊顶渗水。');

    // nothing personal anywhere in the item list
    const texts: string[] = [];
    sheet.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    const all = texts.join('\n');
    for (const secret of ['宋美素', '13604712345', '1单元502', '13704715678', '刘桂兰']) expect(all).not.toContain(secret);
  });

  it('gives a community its grids, and refuses what the metrics refuse', async () => {
    const { workbook } = await download(community1, `?month=${month}`);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['明日星城社区', '第一网格', '第二网格', '第三网格', '第四网格', '第五网格', '第六网格', '第七网格', '诉求明细']);
    const leader = await download(leader2, `?month=${month}`);
    expect(leader.workbook.worksheets.map((s) => s.name)).toEqual(['第二网格', '诉求明细']);

    expect((await resident2.get('/api/metrics/report.xlsx').expect(403)).body.code).toBe(ErrorCode.Forbidden);
    const streetId = street1.me?.staff?.streetId;
    expect((await community1.get(`/api/metrics/report.xlsx?scope=STREET&id=${streetId}`).expect(403)).body.code).toBe(ErrorCode.NotInYourScope);
    expect((await street1.get('/api/metrics/report.xlsx?month=2026-13').expect(400)).body.code).toBe(ErrorCode.ValidationFailed);
    expect((await street1.get('/api/metrics/report.xlsx?month=November').expect(400)).body.errors).toEqual({ month: 'INVALID_FORMAT' });
  });
});
