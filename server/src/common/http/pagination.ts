import { ApiPropertyOptional } from '@nestjs/swagger';
import { LIMITS, Page, PageQuery } from '@gezhi/shared';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { QueryInt } from './validation';

export class PageQueryDto implements PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: LIMITS.pageSizeMax, default: LIMITS.pageSizeDefault })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(LIMITS.pageSizeMax)
  pageSize?: number;
}

export interface PageWindow {
  page: number;
  pageSize: number;
  skip: number;
}

export function pageWindow(query: PageQuery): PageWindow {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? LIMITS.pageSizeDefault;
  return { page, pageSize, skip: (page - 1) * pageSize };
}

export function toPage<T>(items: T[], total: number, window: PageWindow): Page<T> {
  return { items, total, page: window.page, pageSize: window.pageSize };
}
