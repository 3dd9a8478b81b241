import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays, MetricsPeriod, MetricsScopeKind, MetricsView, shanghaiDayStart } from '@gezhi/shared';
import { Workbook, Worksheet } from 'exceljs';
import { DataSource, In } from 'typeorm';
import { DepartmentEntity } from '../departments/department.entities';
import { Community, Grid } from '../geo/geo.entities';
import { RoomDirectory } from '../geo/room-directory';
import { CheckedScope, MetricsService } from '../metrics/metrics.service';
import { RatingEntity, RequestEntity } from '../requests/request.entities';
import { User } from '../users/user.entity';
import { WhistleAssignmentEntity } from '../requests/whistle-assignment.entity';
import { attachmentDisposition } from './domain/content-disposition';
import { ITEM_COLUMNS, ItemFacts, itemRow, NUMBER_FORMATS, reportFilename, SCOPE_SHEET_COLUMNS, ScopeRow, scopeRows } from './domain/report-rows';
import { uniqueSheetNames } from './domain/sheet-names';
import { MetricsReportQueryDto } from './metrics-report.dto';

/** At most this many items go into 诉求明细 (a note says so when there are more). */
export const REPORT_ITEMS_MAX = 20_000;
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ITEMS_SHEET = '诉求明细';
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } } as const;

export interface ReportFile {
  body: Buffer;
  contentType: string;
  contentDisposition: string;
  filename: string;
}

/**
 * 月报: the monthly report of a scope as an Excel workbook (exceljs) — one sheet per scope (the requested one, then
 * its communities, grids and departments), then 诉求明细, the items filed in the month (masked). Numbers come from
 * MetricsService, exactly as GET /api/metrics answers them; access is checked per scope the same way.
 */
@Injectable()
export class MetricsReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metrics: MetricsService,
    private readonly rooms: RoomDirectory,
  ) {}

  async report(viewer: User, query: MetricsReportQueryDto): Promise<ReportFile> {
    const root = await this.metrics.checkedScope(viewer, { scope: query.scope, id: query.id });
    const period = this.metrics.periodOf({ month: query.month ?? this.metrics.today().slice(0, 7) });
    const { children, gridCommunities } = await this.childrenOf(root);
    const scopes: CheckedScope[] = [root];
    for (const child of children) scopes.push(await this.metrics.checkedScope(viewer, child));
    const views: MetricsView[] = [];
    for (const scope of scopes) views.push(await this.metrics.metricsFor(scope, period));
    const items = await this.itemsOf(root, period);

    const workbook = new Workbook();
    workbook.creator = '格治';
    workbook.created = new Date();
    // a grid's sheet in a street's report names its community too (two communities may both have a 第四网格)
    const sheetTitle = (v: MetricsView, i: number) =>
      i > 0 && v.scope.kind === MetricsScopeKind.Grid && gridCommunities.has(v.scope.id) ? `${gridCommunities.get(v.scope.id)}·${v.scope.name}` : v.scope.name;
    const names = uniqueSheetNames(views.map(sheetTitle), [ITEMS_SHEET]);
    views.forEach((view, i) => this.writeScopeSheet(workbook.addWorksheet(names[i], { views: [{ state: 'frozen', ySplit: 1 }] }), scopeRows(view)));
    this.writeItemsSheet(workbook.addWorksheet(ITEMS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] }), items.facts, items.capped);

    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    const { filename, ascii } = reportFilename(views[0].scope.name, period.from.slice(0, 7));
    return { body, contentType: XLSX_CONTENT_TYPE, contentDisposition: attachmentDisposition(filename, ascii), filename };
  }

  /** The scopes below: a street's communities, grids and departments; a community's grids; a grid leader's grids. */
  private async childrenOf(root: CheckedScope): Promise<{ children: { scope: MetricsScopeKind; id: number }[]; gridCommunities: Map<number, string> }> {
    const m = this.dataSource.manager;
    const scope = root.scope;
    const gridCommunities = new Map<number, string>();
    switch (scope.kind) {
      case MetricsScopeKind.Street: {
        const communities = await m.find(Community, { where: { streetId: scope.id }, order: { id: 'ASC' } });
        const grids = communities.length ? await m.find(Grid, { where: { communityId: In(communities.map((c) => c.id)) }, order: { communityId: 'ASC', id: 'ASC' } }) : [];
        const departments = await m.find(DepartmentEntity, { where: { streetId: scope.id }, order: { id: 'ASC' } });
        const names = new Map(communities.map((c) => [c.id, c.name]));
        for (const g of grids) gridCommunities.set(g.id, names.get(g.communityId) ?? '');
        const children = [
          ...communities.map((c) => ({ scope: MetricsScopeKind.Community, id: c.id })),
          ...grids.map((g) => ({ scope: MetricsScopeKind.Grid, id: g.id })),
          ...departments.map((d) => ({ scope: MetricsScopeKind.Department, id: d.id })),
        ];
        return { children, gridCommunities };
      }
      case MetricsScopeKind.Community: {
        const grids = await m.find(Grid, { where: { communityId: scope.id }, order: { id: 'ASC' } });
        return { children: grids.map((g) => ({ scope: MetricsScopeKind.Grid, id: g.id })), gridCommunities };
      }
      case MetricsScopeKind.GridLeader:
        return { children: scope.gridIds.map((id) => ({ scope: MetricsScopeKind.Grid, id })), gridCommunities };
      default:
        return { children: [], gridCommunities };
    }
  }

  private writeScopeSheet(sheet: Worksheet, rows: readonly ScopeRow[]): void {
    sheet.columns = SCOPE_SHEET_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
    styleHeader(sheet);
    for (const row of rows) {
      const added = sheet.addRow([row.label, row.value, row.numerator ?? null, row.denominator ?? null, row.note ?? null]);
      const value = added.getCell(2);
      if (row.kind !== 'text') value.numFmt = NUMBER_FORMATS[row.kind];
      value.alignment = { horizontal: row.kind === 'text' ? 'left' : 'right' };
      if (row.numerator !== undefined) added.getCell(3).numFmt = NUMBER_FORMATS.int;
      if (row.denominator !== undefined) added.getCell(4).numFmt = NUMBER_FORMATS.int;
    }
  }

  private writeItemsSheet(sheet: Worksheet, facts: readonly ItemFacts[], capped: boolean): void {
    sheet.columns = ITEM_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
    styleHeader(sheet);
    ITEM_COLUMNS.forEach((c, i) => {
      if (c.kind !== 'text') sheet.getColumn(i + 1).numFmt = NUMBER_FORMATS[c.kind];
    });
    for (const f of facts) sheet.addRow(itemRow(f));
    if (capped) sheet.addRow({ serial: `仅列出前 ${REPORT_ITEMS_MAX} 件` });
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ITEM_COLUMNS.length } };
  }

  /** Items filed in the period in the scope (a department: whistled to it in the period), oldest first. */
  private async itemsOf(root: CheckedScope, period: MetricsPeriod): Promise<{ facts: ItemFacts[]; capped: boolean }> {
    const start = shanghaiDayStart(period.from);
    const end = shanghaiDayStart(addDays(period.to, 1));
    const q = this.dataSource.getRepository(RequestEntity).createQueryBuilder('r');
    const scope = root.scope;
    if (scope.kind === MetricsScopeKind.Department) {
      const whistled = this.dataSource
        .getRepository(WhistleAssignmentEntity)
        .createQueryBuilder('a')
        .select('a.requestId')
        .where('a.departmentId = :departmentId AND a.notifiedAt >= :start AND a.notifiedAt < :end');
      q.where(`r.id IN (${whistled.getQuery()})`, { departmentId: scope.id, start, end });
    } else {
      const filter = scope.filter ?? {};
      if (filter.gridIds) q.where('r.gridId IN (:...gridIds)', { gridIds: filter.gridIds.length ? filter.gridIds : [0] });
      else if (filter.communityId !== undefined) q.where('r.communityId = :communityId', { communityId: filter.communityId });
      else q.where('r.streetId = :streetId', { streetId: filter.streetId ?? 0 });
      q.andWhere('r.createdAt >= :start AND r.createdAt < :end', { start, end });
    }
    if (root.category) q.andWhere('r.category = :category', { category: root.category });
    const rows = await q.orderBy('r.createdAt', 'ASC').addOrderBy('r.id', 'ASC').limit(REPORT_ITEMS_MAX + 1).getMany();
    const capped = rows.length > REPORT_ITEMS_MAX;
    const requests = rows.slice(0, REPORT_ITEMS_MAX);
    const [places, ratings, names] = await Promise.all([
      this.rooms.placementsOf(requests.map((r) => r.roomId)),
      this.latestRatings(requests.map((r) => r.id)),
      this.householdNames(requests),
    ]);
    const facts = requests.map((r) => {
      const place = places.get(r.roomId);
      return {
        id: r.id,
        category: r.category,
        subcategory: r.subcategory,
        communityName: place?.communityName ?? '',
        gridName: place?.gridName ?? '',
        buildingName: place?.buildingName ?? '',
        channel: r.channel,
        urgency: r.urgency,
        status: r.status,
        level: r.level,
        createdAt: r.createdAt,
        resolvedAt: r.resolvedAt,
        reopenCount: r.reopenCount,
        rating: ratings.get(r.id) ?? null,
        contactName: r.contactName,
        description: r.description,
        knownNames: names.get(r.roomId) ?? [],
      };
    });
    return { facts, capped };
  }

  private async latestRatings(ids: readonly number[]): Promise<Map<number, RatingEntity>> {
    const latest = new Map<number, RatingEntity>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.dataSource.getRepository(RatingEntity).find({ where: { requestId: In(ids.slice(i, i + 500)) } });
      for (const row of rows) if ((latest.get(row.requestId)?.round ?? -1) < row.round) latest.set(row.requestId, row);
    }
    return latest;
  }

  /** The names of the people bound to each room (removed from the summaries). */
  private async householdNames(requests: readonly RequestEntity[]): Promise<Map<number, string[]>> {
    const byRoom = new Map<number, string[]>();
    const roomIds = [...new Set(requests.map((r) => r.roomId))];
    for (let i = 0; i < roomIds.length; i += 500) {
      const users = await this.dataSource.getRepository(User).find({ select: { id: true, roomId: true, realName: true, nickname: true }, where: { roomId: In(roomIds.slice(i, i + 500)) } });
      for (const u of users) {
        if (u.roomId === null) continue;
        byRoom.set(u.roomId, [...(byRoom.get(u.roomId) ?? []), ...[u.realName, u.nickname].filter((n): n is string => !!n)]);
      }
    }
    return byRoom;
  }
}

function styleHeader(sheet: Worksheet): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
}
