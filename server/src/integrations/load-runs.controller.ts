import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { LoadRunPageDto, LoadRunsQueryDto } from './integrations.dto';
import type { LoadRunPage } from './integrations.schema';
import { LoadRunsService } from './load-runs.service';
import { Allow } from '../auth/access.decorator';

/** `GET /api/load-runs`: the load runs of every integration, for the Runs page. */
@ApiTags('integrations')
@Controller('load-runs')
@Allow('viewer')
export class LoadRunsController {
  constructor(private readonly loadRuns: LoadRunsService) {}

  @Get()
  @ApiOkResponse({ type: LoadRunPageDto })
  async list(@Query() query: LoadRunsQueryDto): Promise<LoadRunPage> {
    const { items, total } = await this.loadRuns.page(query);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
