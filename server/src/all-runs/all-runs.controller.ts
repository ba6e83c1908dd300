import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorator';
import { AllRunsPageDto, AllRunsQueryDto } from './all-runs.dto';
import type { AllRunsPage } from './all-runs.schema';
import { AllRunsService } from './all-runs.service';

/** `GET /api/all-runs`: user loads and workflow runs in one list, newest first, for the Runs page. */
@ApiTags('runs')
@Controller('all-runs')
@Allow('viewer')
export class AllRunsController {
  constructor(private readonly allRuns: AllRunsService) {}

  @Get()
  @ApiOkResponse({ type: AllRunsPageDto })
  @ApiBadRequestResponse({ description: 'Problem JSON: malformed filter' })
  async list(@Query() query: AllRunsQueryDto): Promise<AllRunsPage> {
    const { items, total } = await this.allRuns.page(query);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
