import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '../auth/access.decorator';
import { csvRow } from '../inventory/csv';
import { AuditFilterDto, AuditPageDto, AuditQueryDto } from './audit.dto';
import type { AuditEventView } from './audit.schema';
import { AuditService } from './audit.service';

const PROBLEM = 'Problem JSON {status, code, message, details?}';

const CSV_COLUMNS = ['at', 'actorKind', 'actorId', 'actorName', 'action', 'subjectType', 'subjectId', 'details'] as const satisfies readonly (keyof AuditEventView)[];

@ApiTags('audit')
@Controller()
@Allow('admin')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('audit')
  @ApiOperation({ summary: 'The audit log, newest first: filter by actor (id or system name), action (or `prefix.`), target (`type:id` or id), from/to' })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiBadRequestResponse({ description: PROBLEM })
  async list(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    const { items, total } = await this.audit.list(query);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** Every matching row (paging ignored) as CSV, spreadsheet formulas neutralised. */
  @Get('audit.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The filtered audit log as CSV' })
  @ApiOkResponse({ description: 'text/csv, newest first' })
  @ApiBadRequestResponse({ description: PROBLEM })
  async exportCsv(@Query() filter: AuditFilterDto, @Res() res: Response): Promise<void> {
    res.status(200).type('text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="audit.csv"');
    res.write(csvRow(CSV_COLUMNS));
    for await (const batch of this.audit.stream(filter)) {
      const chunk = batch.map((e) => csvRow(CSV_COLUMNS.map((c) => e[c]))).join('');
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
  }
}
